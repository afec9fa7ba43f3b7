/**
 * The overview right after a tenant is created: where its users sign in, the widget snippet,
 * and the getting-started checklist, whose steps tick themselves from what the tenant really
 * has (done on their own pages, through the API or the CLI), and which stays dismissed.
 */
import { baseURL, patchTenantConfig, publishTheme } from "./fixtures";
import { expect, test } from "./console-fixtures";

test.describe.configure({ timeout: 90_000 });

const STEPS = [
  "Add a trusted origin",
  "Choose sign-in methods",
  "Brand your pages",
  "Send a test email",
  "Add a webhook",
] as const;

test("the checklist ticks each step once the tenant has it, and stays dismissed", async ({
  page,
  ownedTenant,
  uniqueEmail,
  otherAccount,
}) => {
  const { slug } = ownedTenant;
  const checklist = page.getByRole("list", { name: "Getting-started checklist" });
  const step = (label: string) => checklist.getByRole("listitem", { name: new RegExp(`^${label}: `) });
  const expectDone = async (done: readonly string[]) => {
    for (const label of STEPS)
      await expect(step(label)).toHaveAccessibleName(`${label}: ${done.includes(label) ? "done" : "to do"}`);
    await expect(page.getByText(`(${done.length} of 5 done)`)).toBeVisible();
  };

  await page.goto(`/admin/${slug}`);
  const signInUrl = `${baseURL}/t/${slug}/sign-in`;
  await expect(page.getByRole("link", { name: signInUrl })).toHaveAttribute("href", signInUrl);
  await expect(page.getByLabel("Widget script")).toHaveValue(
    `<script type="module" src="${baseURL}/widgets/portico.js"></script>`,
  );
  await expect(page.getByLabel("Sign-in widget")).toHaveValue(`<auth-login tenant="${slug}"></auth-login>`);
  await expectDone([]);
  await step("Add a webhook").getByRole("link").click();
  await expect(page).toHaveURL(`/admin/${slug}/webhooks`);

  // A webhook endpoint and a trusted origin added on their own pages.
  await page.getByLabel("Endpoint URL").fill("https://93.184.215.14/portico-hook");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByTestId("webhook-secret")).toBeVisible();
  await page.goto(`/admin/${slug}/settings`);
  const origins = page.getByRole("form", { name: "Trusted origins" });
  await origins.getByLabel("Origins").fill("https://app.example.com");
  await origins.getByRole("button", { name: /^Save/ }).click();
  await expect(page.getByRole("status")).toContainText("Trusted origins saved.");
  await page.goto(`/admin/${slug}`);
  await expectDone(["Add a trusted origin", "Add a webhook"]);

  // A test email from the emails page; sign-in methods and a theme from outside the console.
  await page.goto(`/admin/${slug}/emails`);
  await page.getByLabel("Send to").fill(uniqueEmail("test-send"));
  await page.getByRole("button", { name: "Send test email" }).click();
  await expect(page.getByTestId("test-send-result")).toBeVisible();
  await patchTenantConfig(slug, { authMethods: { magicLink: { enabled: true } } });
  await publishTheme(ownedTenant.id, { productName: "Checked" });
  await page.goto(`/admin/${slug}`);
  await expectDone(STEPS);

  // A viewer sees the checklist but cannot dismiss it; an owner dismisses it for everyone.
  const viewer = await otherAccount("viewer", slug);
  await viewer.page.goto(`/admin/${slug}`);
  await expect(viewer.page.getByRole("list", { name: "Getting-started checklist" })).toBeVisible();
  await expect(viewer.page.getByRole("button", { name: "Dismiss checklist" })).toHaveCount(0);

  await page.getByRole("button", { name: "Dismiss checklist" }).click();
  await expect(checklist).toHaveCount(0);
  await page.reload();
  await expect(checklist).toHaveCount(0);
  await expect(page.getByRole("link", { name: signInUrl })).toBeVisible();
  await viewer.page.reload();
  await expect(viewer.page.getByRole("list", { name: "Getting-started checklist" })).toHaveCount(0);

  await page.goto(`/admin/${slug}/audit?type=admin.getting_started.dismissed`);
  await expect(page.getByText("admin.getting_started.dismissed").first()).toBeVisible();
});
