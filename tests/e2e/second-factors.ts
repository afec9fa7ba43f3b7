/**
 * Second factors as a user sets them up in a real browser: a TOTP authenticator turned on from
 * the account page, and Chromium's virtual WebAuthn authenticator for passkeys. Shared by the
 * hosted two-factor, passkey and console tests.
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

/** A platform authenticator that holds discoverable credentials and verifies the user. */
export async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return { cdp, authenticatorId };
}

/** A browser that offers passkeys only through the button (no autofill suggestions). */
export async function withoutPasskeyAutofill(page: Page) {
  await page.addInitScript(() => {
    PublicKeyCredential.isConditionalMediationAvailable = async () => false;
  });
}
