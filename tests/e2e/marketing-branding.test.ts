/**
 * Platform branding from the environment (APP_* in playwright.config.ts): the console and the
 * platform's own pages carry the configured name, color and links; tenants' pages do not.
 */
import { expect, test } from "./console-fixtures";

test.describe.configure({ timeout: 90_000 });

test("the console and platform pages show the deployment's name, color and legal links", async ({
  page,
  platformAccount,
}) => {
  await page.goto("/admin");
  await expect(page.getByRole("banner").getByTestId("brand-name")).toHaveText("Portico");
  await expect(page.getByTestId("platform-user")).toHaveText(platformAccount.email);

  const anonymous = await page
    .context()
    .browser()!
    .newContext({ baseURL: new URL(page.url()).origin });
  try {
    const signIn = await anonymous.newPage();
    await signIn.goto("/sign-in");
    await expect(signIn.getByTestId("brand-name")).toHaveText("Portico");
    await expect(signIn.getByRole("link", { name: "Terms" })).toHaveAttribute("href", "https://portico.test/terms");
    await expect(signIn.getByRole("link", { name: "Privacy" })).toHaveAttribute("href", "https://portico.test/privacy");
    await expect(signIn.getByRole("link", { name: "support@portico.test" })).toHaveAttribute(
      "href",
      "mailto:support@portico.test",
    );
    // APP_PRIMARY_COLOR=#0f766e colors the platform's buttons (light scheme)...
    const button = signIn.getByRole("button", { name: "Sign in" });
    expect(await button.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(15, 118, 110)");
    expect(await button.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(255, 255, 255)");

    // ...but never a tenant's hosted pages, which follow the tenant's own theme.
    await signIn.goto("/t/demo/sign-in");
    const tenantButton = signIn.getByRole("button", { name: "Sign in" });
    expect(await tenantButton.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgb(15, 118, 110)");
    await expect(signIn.getByRole("link", { name: "support@portico.test" })).toHaveCount(0);
  } finally {
    await anonymous.close();
  }
});
