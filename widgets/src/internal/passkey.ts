import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import { PorticoError, type PorticoClient } from "./client";

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
  const response = await startAuthentication({ optionsJSON: options }).catch(cancelled);
  return client.auth<{ twoFactorRedirect?: boolean }>("/passkey/verify-authentication", {
    method: "POST",
    body: { response },
  });
}

export async function addPasskey(client: PorticoClient, name: string): Promise<void> {
  const options = await client.auth<Parameters<typeof startRegistration>[0]["optionsJSON"]>(
    "/passkey/generate-register-options",
  );
  const response = await startRegistration({ optionsJSON: options }).catch(cancelled);
  await client.auth("/passkey/verify-registration", { method: "POST", body: { response, name } });
}

/** A dismissed or timed-out browser prompt, worded as the hosted pages word it (app/i18n/auth-errors.ts). */
function cancelled(error: unknown): never {
  if (error instanceof Error && error.name === "NotAllowedError")
    throw new PorticoError("passkey_cancelled", error.message);
  throw error;
}
