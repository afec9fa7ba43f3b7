/**
 * The console's forward-auth page: rules saved as JSON with the mistake named, gateway snippets
 * carrying the tenant's real endpoint, decision counts, and viewers who can only read.
 */
import { expect, test } from "./console-fixtures";
import { baseURL } from "./fixtures";

test.describe.configure({ timeout: 90_000 });

const RULES = [
  { id: "health", host: "app.acme.test", path: "/healthz", public: true },
  { id: "admin", host: "app.acme.test", path: "/admin/**", require: { roles: ["admin"] } },
];

test("an owner saves rules, sees a bad pattern named, and gets snippets for the tenant", async ({
  page,
  ownedTenant,
}) => {
  const { slug } = ownedTenant;
  await page.goto(`/admin/${slug}`);
  await page.getByRole("link", { name: "Forward auth" }).click();
  await expect(page.getByRole("heading", { name: "Forward auth" })).toBeVisible();
  await expect(page.getByText("No rules yet")).toBeVisible();

  const field = page.getByLabel("Rules (JSON)");
  await field.fill(JSON.stringify([{ id: "bad", host: "app.acme.test", path: "admin/**" }]));
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(/rules\.0\.path: The path pattern starts with \//);

  await field.fill(JSON.stringify(RULES));
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByRole("status")).toContainText("Saved 2 forward-auth rules.");
  const table = page.getByRole("table", { name: "Forward-auth rules" });
  await expect(table.getByRole("row", { name: /admin .*\/admin\/\*\*.*signed in, role admin/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /health .*\/healthz.*Anyone/ })).toBeVisible();

  // The nginx snippet names this tenant's endpoint and the host the rules protect.
  const nginx = page.getByTestId("snippet-nginx");
  await expect(nginx).toContainText(`proxy_pass ${baseURL}/t/${slug}/forward-auth/nginx;`);
  await expect(nginx).toContainText("server_name app.acme.test;");
  await expect(page.getByTestId("snippet-traefik-labels")).toContainText(
    `forwardauth.address=${baseURL}/t/${slug}/forward-auth`,
  );

  // A decision shows up in the counts (still in memory, not yet flushed).
  const decision = await page.request.get(`/t/${slug}/forward-auth`, {
    headers: { "x-forwarded-host": "app.acme.test", "x-forwarded-uri": "/healthz" },
  });
  expect(decision.status()).toBe(200);
  await page.reload();
  await expect(
    page.getByRole("table", { name: "Decisions per rule" }).getByRole("row", { name: "health allowed 1" }),
  ).toBeVisible();
});

test("a viewer reads the rules but cannot change them", async ({ ownedTenant, otherAccount }) => {
  const { slug } = ownedTenant;
  const viewer = await otherAccount("viewer", slug);
  await viewer.page.goto(`/admin/${slug}/forward-auth`);
  await expect(viewer.page.getByLabel("Rules (JSON)")).toBeDisabled();
  await expect(viewer.page.getByText("Only admins and owners can change the rules.")).toBeVisible();
  const post = await viewer.page.request.post(`/admin/${slug}/forward-auth`, {
    form: { intent: "rules", rules: "[]" },
    headers: { origin: baseURL },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(403);
});
