/**
 * The audit log: auth events with who, from where and with what; filters; CSV export.
 */
import { baseURL } from "./fixtures";
import { expect, PASSWORD, test } from "./console-fixtures";

/** A user agent a spreadsheet would run as a formula if it were exported as is. */
const FORMULA_AGENT = '=HYPERLINK("http://evil.example","x")';

test("auth events appear with actor, IP and user agent, and the filters narrow them", async ({
  page,
  ownedTenant,
  playwright,
  clientIp,
  uniqueEmail,
}) => {
  test.slow(); // several sign-ups, accounts and page loads on a shared 2-core runner
  const { slug } = ownedTenant;
  const ada = uniqueEmail("ada");
  const api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { origin: baseURL, "x-forwarded-for": clientIp, "user-agent": "AuditTest/1.0 (e2e)" },
  });
  expect(
    (
      await api.post(`/t/${slug}/api/auth/sign-up/email`, { data: { name: "Ada", email: ada, password: PASSWORD } })
    ).status(),
  ).toBe(200);
  expect(
    (
      await api.post(`/t/${slug}/api/auth/sign-in/email`, { data: { email: ada, password: "wrong-password!" } })
    ).status(),
  ).toBe(401);
  await api.dispose();

  const table = page.getByRole("table", { name: "Audit events" });
  const row = (type: string) => table.getByRole("row").filter({ hasText: type });
  await expect(async () => {
    await page.goto(`/admin/${slug}/audit`);
    await expect(row("sign_in.failed")).toHaveCount(1, { timeout: 500 });
    await expect(row("session.created")).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(row("user.created")).toContainText(ada);
  await expect(row("session.created")).toContainText(ada);
  await expect(row("session.created")).toContainText(clientIp);
  await expect(row("session.created")).toContainText("AuditTest/1.0 (e2e)");
  await expect(row("sign_in.failed")).toContainText(clientIp);

  // By exact type.
  await page.getByLabel("Event type").fill("sign_in.failed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/type=sign_in.failed/);
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(row("sign_in.failed")).toHaveCount(1);

  // By type prefix and actor fragment.
  await page.goto(`/admin/${slug}/audit?type=session.&actor=${encodeURIComponent(ada.slice(0, 8))}`);
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(row("session.created")).toHaveCount(1);

  // By date: everything happened today (UTC), nothing tomorrow.
  const today = new Date().toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/admin/${slug}/audit?from=${today}&to=${today}&type=user.created`);
  await expect(row("user.created")).toHaveCount(1);
  await page.goto(`/admin/${slug}/audit?from=${tomorrow}`);
  await expect(page.getByText("No events match these filters")).toBeVisible();

  // A bad date is a field error, not a crash.
  const response = await page.goto(`/admin/${slug}/audit?from=2026-02-31x&to=soon`);
  expect(response?.status()).toBe(400);
  await expect(page.getByLabel("From", { exact: true })).toHaveAccessibleDescription("Enter a date as YYYY-MM-DD.");
  await expect(page.getByLabel("To", { exact: true })).toHaveAccessibleDescription("Enter a date as YYYY-MM-DD.");
});

test("the CSV export downloads the filtered rows, formula-safe", async ({
  page,
  ownedTenant,
  playwright,
  clientIp,
  uniqueEmail,
}) => {
  const { slug } = ownedTenant;
  const bo = uniqueEmail("bo");
  const api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { origin: baseURL, "x-forwarded-for": clientIp, "user-agent": FORMULA_AGENT },
  });
  expect(
    (
      await api.post(`/t/${slug}/api/auth/sign-up/email`, { data: { name: "Bo", email: bo, password: PASSWORD } })
    ).status(),
  ).toBe(200);
  await api.dispose();

  await expect(async () => {
    await page.goto(`/admin/${slug}/audit?type=session.created`);
    await expect(page.getByRole("table", { name: "Audit events" }).getByRole("row")).toHaveCount(2, { timeout: 500 });
  }).toPass({ timeout: 10_000 });

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^audit-${slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString());
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("time,type,actor_type,actor_id,actor,target_type,target_id,target,ip_address,user_agent,data");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(",session.created,user,");
  expect(lines[1]).toContain(bo);
  expect(lines[1]).toContain(clientIp);
  // Quoted (it has commas) and prefixed with an apostrophe, so no spreadsheet runs it.
  expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);

  const response = await page.request.get(`/admin/${slug}/audit.csv?type=user.created`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="audit-/);
  const rows = (await response.text()).trimEnd().split("\r\n");
  expect(rows).toHaveLength(2);
  expect(rows[1]).toContain(",user.created,");

  const bad = await page.request.get(`/admin/${slug}/audit.csv?from=not-a-date`);
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("Enter a date as YYYY-MM-DD.");
});

test("a viewer can read and export the audit log; a non-member gets 404 for both", async ({
  ownedTenant,
  otherAccount,
}) => {
  test.slow(); // several sign-ups, accounts and page loads on a shared 2-core runner
  const { slug } = ownedTenant;
  const viewer = await otherAccount("viewer", slug);
  await viewer.page.goto(`/admin/${slug}/audit`);
  await expect(viewer.page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  const csv = await viewer.page.request.get(`/admin/${slug}/audit.csv`);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).startsWith("time,type,")).toBe(true);

  const stranger = await otherAccount("none", slug);
  expect((await stranger.page.goto(`/admin/${slug}/audit`))?.status()).toBe(404);
  const strangerCsv = await stranger.page.request.get(`/admin/${slug}/audit.csv`);
  expect(strangerCsv.status()).toBe(404);
  expect(await strangerCsv.text()).not.toContain("time,type");
});
