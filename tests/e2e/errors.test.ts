/**
 * What people and API clients get when something is wrong: a readable page or a JSON error
 * with the right status, never a 500 and never a stack trace.
 */
import type { APIResponse } from "@playwright/test";
import { createTenant, disableTenant, expect, looksLikeStackTrace, PASSWORD, test, uniqueSlug } from "./fixtures";

async function expectNoStackTrace(response: APIResponse) {
  const body = await response.text();
  expect(looksLikeStackTrace(body), `${response.url()} leaks a stack trace:\n${body.slice(0, 2000)}`).toBe(false);
}

async function expectJsonError(response: APIResponse, status: number, code: string) {
  expect(response.status(), response.url()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = (await response.json()) as { error?: { code?: string; message?: string } };
  expect(body).toMatchObject({ error: { code } });
  expect(body.error?.message).toEqual(expect.any(String));
  await expectNoStackTrace(response);
}

test("an unknown tenant's page is a readable 404", async ({ page }) => {
  const response = await page.goto("/t/no-such-tenant/sign-in");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  await expect(page.getByText('There is no tenant called "no-such-tenant" here')).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByText(/\bat \S+:\d+:\d+/)).toHaveCount(0);
});

test("an unknown tenant's API answers 404 tenant_not_found", async ({ request }) => {
  await expectJsonError(await request.get("/t/no-such-tenant/api/auth/get-session"), 404, "tenant_not_found");
  await expectJsonError(
    await request.post("/t/no-such-tenant/api/auth/sign-in/email", {
      data: { email: "a@example.com", password: PASSWORD },
    }),
    404,
    "tenant_not_found",
  );
  await expectJsonError(
    await request.get("/api/auth/get-session", { headers: { "X-Portico-Tenant": "no-such-tenant" } }),
    404,
    "tenant_not_found",
  );
});

test("a disabled tenant answers 404 on its pages and API", async ({ page, request }) => {
  const tenant = await createTenant(uniqueSlug("off"), "Soon Disabled");
  const before = await page.goto(`/t/${tenant.slug}/sign-in`);
  expect(before?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await disableTenant(tenant.slug);

  const after = await page.goto(`/t/${tenant.slug}/sign-in`);
  expect(after?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in" })).toHaveCount(0);
  await expectJsonError(await request.get(`/t/${tenant.slug}/api/auth/get-session`), 404, "tenant_not_found");
  await expectJsonError(
    await request.post(`/t/${tenant.slug}/api/auth/sign-up/email`, {
      data: { name: "Too Late", email: "late@example.com", password: PASSWORD },
    }),
    404,
    "tenant_not_found",
  );
});

test("an unknown page is a readable 404", async ({ page }) => {
  const response = await page.goto("/nope");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  await expectNoStackTrace((await page.request.get("/nope"))!);
});

test("an unknown API path answers 404 JSON", async ({ request }) => {
  await expectJsonError(await request.get("/api/nope"), 404, "not_found");
  await expectJsonError(await request.post("/api/nope", { data: {} }), 404, "not_found");
});

test("a sign-in form posted from another site is refused with 403 and no session", async ({
  request,
  apiSignUp,
  uniqueEmail,
}) => {
  const email = uniqueEmail("csrf");
  await apiSignUp("demo", { name: "Target", email });

  const response = await request.post("/t/demo/sign-in", {
    form: { email, password: PASSWORD },
    headers: { Origin: "https://evil.example.com" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"]).toBeUndefined();
  expect(response.headers()["location"]).toBeUndefined();
  await expectNoStackTrace(response);

  // The same credentials from the tenant's own page would have worked.
  const ownOrigin = new URL(response.url()).origin;
  const own = await request.post("/t/demo/sign-in", {
    form: { email, password: PASSWORD },
    headers: { Origin: ownOrigin },
    maxRedirects: 0,
  });
  expect(own.status()).toBe(302);
  expect(own.headers()["set-cookie"]).toContain("session_token=");
});

test("a sign-in form posted with neither Origin nor Referer is refused", async ({ request, uniqueEmail }) => {
  const response = await request.post("/t/demo/sign-in", {
    form: { email: uniqueEmail("no-origin"), password: PASSWORD },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"]).toBeUndefined();
  await expectNoStackTrace(response);
});

test("malformed JSON to the auth API is a client error, not a crash", async ({ request }) => {
  const response = await request.post("/t/demo/api/auth/sign-in/email", {
    headers: { "content-type": "application/json" },
    data: '{"email": "a@example.com", "password":',
  });
  expect(response.status()).toBeGreaterThanOrEqual(400);
  expect(response.status()).toBeLessThan(500);
  await expectNoStackTrace(response);
});

test("an oversized body is refused with 413 before anything reads it", async ({ request }) => {
  const response = await request.post("/t/demo/api/auth/sign-up/email", {
    headers: { "content-type": "application/json" },
    data: JSON.stringify({ name: "x".repeat(300_000), email: "big@example.com", password: PASSWORD }),
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).error.code).toBe("payload_too_large");
});

test("the shared auth API takes the tenant from X-Portico-Tenant", async ({ request }) => {
  const named = await request.get("/api/auth/get-session", { headers: { "X-Portico-Tenant": "demo" } });
  expect(named.status()).toBe(200);
  expect(await named.json()).toBeNull();
  await expectNoStackTrace(named);

  await expectJsonError(await request.get("/api/auth/get-session"), 400, "tenant_required");
});
