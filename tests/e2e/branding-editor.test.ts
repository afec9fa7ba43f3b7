/**
 * The theme editor for daily use (issue 21): the preview stays in view while the settings
 * scroll, unsaved edits are not lost to a stray click, and each version says who published it
 * and what it changed.
 */
import { openEditor, preview, publish, TEAL } from "./branding-helpers";
import { expect, test } from "./console-fixtures";

test("the preview stays in view, unsaved edits ask before leaving, versions show who and what", async ({
  page,
  ownedTenant,
  platformAccount,
}) => {
  await page.setViewportSize({ width: 1440, height: 800 });
  await openEditor(page, ownedTenant.slug);
  const frame = page.locator('iframe[title="Sign-in preview, light"]');

  // Scrolled down to the last setting, the preview is still on screen beside it.
  const customCss = page.getByLabel("Custom CSS");
  await customCss.scrollIntoViewIfNeeded();
  const box = await frame.boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(800);

  // An unsaved edit: leaving through the console's navigation asks first; staying keeps it.
  await page.getByLabel("Primary (light)", { exact: true }).fill(TEAL);
  await expect
    .poll(() =>
      preview(page, "light")
        .getByRole("button", { name: "Sign in" })
        .evaluate((button) => getComputedStyle(button).backgroundColor),
    )
    .toBe("rgb(15, 118, 110)");
  const webhooks = page.getByRole("navigation").getByRole("link", { name: "Webhooks" });
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await webhooks.click();
  await expect.poll(() => asked).toBe("You have unsaved changes. Leave this page and lose them?");
  await expect(page).toHaveURL(`/admin/${ownedTenant.slug}/branding`);
  await expect(page.getByLabel("Primary (light)", { exact: true })).toHaveValue(TEAL);

  // Once published, nothing is unsaved: the link leaves without a question.
  await publish(page);
  const versions = page.getByRole("table").filter({ hasText: "Version" }).last();
  const v1 = versions.getByRole("row").filter({ hasText: "v1" });
  await expect(v1).toContainText(platformAccount.email);
  await v1.getByText("1 change").click();
  await expect(v1.getByRole("list", { name: "Changes in v1" })).toHaveText("Colors: light: primary: #4f46e5 → #0f766e");
  page.once("dialog", () => {
    throw new Error("No question is expected once everything is published.");
  });
  await webhooks.click();
  await expect(page).toHaveURL(`/admin/${ownedTenant.slug}/webhooks`);
});

test("on a phone, the result of publishing covers none of the editor's buttons", async ({ page, ownedTenant }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await openEditor(page, ownedTenant.slug);
  await page.getByLabel("Product name").fill("Acme on the go");
  await publish(page);
  const toast = await page
    .getByRole("status")
    .filter({ hasText: /is live/ })
    .boundingBox();
  // Every button but the toast's own Dismiss.
  for (const button of await page.getByRole("button").all()) {
    if (!(await button.isVisible()) || (await button.getAttribute("aria-label")) === "Dismiss") continue;
    const box = (await button.boundingBox())!;
    const overlaps =
      box.x < toast!.x + toast!.width &&
      toast!.x < box.x + box.width &&
      box.y < toast!.y + toast!.height &&
      toast!.y < box.y + box.height;
    expect(overlaps, `the toast covers "${await button.textContent()}"`).toBe(false);
  }
});

test("the contrast check covers the logo: a dark logo on the dark card warns until a dark-mode logo is set", async ({
  page,
  ownedTenant,
}) => {
  const logo = (fill: string) =>
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40"><rect width="160" height="40" fill="${fill}"/></svg>`,
    );
  await openEditor(page, ownedTenant.slug);
  const warnings = page.getByTestId("contrast-warnings");
  await expect(warnings).toContainText("All text and background pairs meet WCAG AA");

  await page
    .getByLabel(/choose a file for Logo$/)
    .setInputFiles({ name: "black.svg", mimeType: "image/svg+xml", buffer: logo("#111111") });
  await expect(warnings).toContainText(/Logo on card \(dark\): 1\.\d\d:1/);
  await expect(warnings).not.toContainText("Logo on card (light)");

  await page
    .getByLabel(/choose a file for Logo for dark mode$/)
    .setInputFiles({ name: "white.svg", mimeType: "image/svg+xml", buffer: logo("#f5f5f5") });
  await expect(warnings).toContainText("All text and background pairs meet WCAG AA");
});
