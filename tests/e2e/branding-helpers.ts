/** Helpers shared by the branding specs (tests/e2e/branding*.test.ts). */
import type { Locator, Page } from "@playwright/test";
import { expect } from "./console-fixtures";

export const TEAL = "#0f766e";
export const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40" viewBox="0 0 160 40"><rect width="160" height="40" rx="8" fill="${TEAL}"/></svg>`;

export const computed = (locator: Locator, property: string) =>
  locator.evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);

export async function openEditor(page: Page, slug: string) {
  await page.goto(`/admin/${slug}/branding`);
  // The preview has loaded (and hydrated) once it shows the sign-in button.
  await expect(preview(page, "light").getByRole("button", { name: "Sign in" })).toBeVisible();
}

export const preview = (page: Page, mode: "light" | "dark") =>
  page.frameLocator(`iframe[title="Sign-in preview, ${mode}"]`);

export async function publish(page: Page) {
  await page.getByRole("button", { name: "Publish" }).click();
  // A cold server shared by two workers can take a few seconds to publish; the toast then
  // stays 6 s, so a longer wait cannot miss it.
  await expect(page.getByText(/^Version \d+ is live\.$/)).toBeVisible({ timeout: 15_000 });
}
