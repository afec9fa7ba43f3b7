/**
 * A TOTP authenticator as a user sets it up in a real browser, from the account page. Shared by
 * the hosted two-factor and console tests (passkeys: tests/support/virtual-authenticator.ts).
 */
import type { Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { expect, PASSWORD } from "./fixtures";

/** The code an authenticator app shows now for this key. */
export function totpCode(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
}

/** From the account page: password, then a code from the key; returns the key (spaces removed). */
export async function turnOnTotp(page: Page): Promise<string> {
  await page.getByRole("link", { name: "Set up two-factor authentication" }).click();
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(page.getByText("Two-factor authentication is on.")).toBeVisible();
  return secret;
}

