import type { Page } from "@playwright/test";

/**
 * Chromium's virtual authenticator (DevTools WebAuthn domain) for `page`: a platform
 * authenticator that holds discoverable credentials and verifies the user, as a laptop's
 * fingerprint reader or a phone would.
 */
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

/** Passkey autofill off, so that only the "Sign in with a passkey" button signs in. */
export async function withoutPasskeyAutofill(page: Page) {
  await page.addInitScript(() => {
    PublicKeyCredential.isConditionalMediationAvailable = async () => false;
  });
}
