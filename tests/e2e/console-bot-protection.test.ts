/**
 * The console's bot-protection and password-policy settings (issue 13, items 11 and 12):
 * a third-party provider needs its keys, the secret key is write-only, and what is saved
 * reaches the tenant's hosted sign-up page.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./console-fixtures";

test.describe.configure({ timeout: 90_000 });

const settingsForm = (page: Page, name: string) => page.getByRole("form", { name });

test("an owner turns on bot protection and a stricter password policy; the hosted sign-up shows both", async ({
  page,
  ownedTenant,
}) => {
  await page.goto(`/admin/${ownedTenant.slug}/settings`);
  const bots = settingsForm(page, "Bot protection");
  await bots.getByLabel("Provider").selectOption("turnstile");
  await bots.getByRole("button", { name: "Save" }).click();
  await expect(bots.getByText("Enter the provider's site key.")).toBeVisible();

  await bots.getByLabel("Site key").fill("0x4AAAAAAA-site");
  await bots.getByRole("button", { name: "Save" }).click();
  await expect(bots.getByText("Enter the provider's secret key.")).toBeVisible();

  await bots.getByLabel("Secret key").fill("0x4AAAAAAA-secret");
  await bots.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Bot protection saved.")).toBeVisible();
  await expect(bots.getByLabel("Secret key")).toHaveValue("");
  await expect(bots.getByText("Set. Type a new key to replace it.")).toBeVisible();
  expect(await page.content()).not.toContain("0x4AAAAAAA-secret");

  await bots.getByLabel("Provider").selectOption("altcha");
  const saved = page.waitForResponse((response) => response.request().method() === "POST");
  await bots.getByRole("button", { name: "Save" }).click();
  await saved;
  // A fresh page, so the next form is the one rendered from the saved settings.
  await page.goto(`/admin/${ownedTenant.slug}/settings`);
  await expect(settingsForm(page, "Bot protection").getByLabel("Provider")).toHaveValue("altcha");

  const policy = settingsForm(page, "Password policy");
  await policy.getByLabel("Minimum strength").selectOption("3");
  await policy.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Password policy saved.")).toBeVisible();
  await expect(settingsForm(page, "Password policy").getByLabel("Minimum strength")).toHaveValue("3");

  await page.goto(`/t/${ownedTenant.slug}/sign-up`);
  await expect(page.getByText("Avoid names and common words")).toBeVisible();
  await expect(page.getByTestId("bot-check-status")).toHaveAttribute("data-state", "done", { timeout: 20_000 });
});
