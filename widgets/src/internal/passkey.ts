import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import type { PorticoClient } from "./client";

/**
 * The WebAuthn ceremonies, loaded only when someone uses a passkey (the browser library is
 * bigger than the rest of the widget). The challenge travels in Portico's cookie, so passkeys
 * work where the page and Portico are on the same site (cookie mode, or a custom domain).
 */
/** Resolves with the tenant's answer: `twoFactorRedirect` when it asks for the second factor after passkeys too. */
export async function signInWithPasskey(client: PorticoClient): Promise<{ twoFactorRedirect?: boolean }> {
  const options = await client.auth<Parameters<typeof startAuthentication>[0]["optionsJSON"]>(
    "/passkey/generate-authenticate-options",
  );
  const response = await startAuthentication({ optionsJSON: options });
  return client.auth<{ twoFactorRedirect?: boolean }>("/passkey/verify-authentication", {
    method: "POST",
    body: { response },
  });
}

export async function addPasskey(client: PorticoClient, name: string): Promise<void> {
  const options = await client.auth<Parameters<typeof startRegistration>[0]["optionsJSON"]>(
    "/passkey/generate-register-options",
  );
  const response = await startRegistration({ optionsJSON: options });
  await client.auth("/passkey/verify-registration", { method: "POST", body: { response, name } });
}
