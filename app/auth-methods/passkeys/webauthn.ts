import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import type { MessageKey } from "~/i18n/messages";

/**
 * The browser half of passkeys: fetch options from the tenant's passkey endpoints, run the
 * WebAuthn ceremony with @simplewebauthn/browser, send the result back. Each function answers
 * with a message key when it failed, "aborted" when a newer ceremony replaced it, or null.
 */
export type PasskeyFailure = MessageKey | "aborted";

type ErrorBody = { code?: string };

/** The tenant API's answer, or null when the network (or Portico) could not be reached. */
async function authRequest(url: string, body?: unknown): Promise<Response | null> {
  return fetch(url, {
    method: body === undefined ? "GET" : "POST",
    credentials: "same-origin",
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => null);
}

/**
 * The challenge lives in one cookie, so the options of the ceremony that runs must be the last
 * ones fetched: a button press while the autofill's options are still on their way waits for
 * them, or their cookie could land last and the button's answer be refused as expired.
 */
let lastOptionsRequest: Promise<unknown> = Promise.resolve();

function fetchOptionsInTurn(url: string): Promise<Response | null> {
  const request = lastOptionsRequest.then(() => authRequest(url));
  lastOptionsRequest = request.catch(() => undefined);
  return request;
}

function ceremonyFailure(error: unknown): PasskeyFailure {
  const name = error instanceof Error ? error.name : "";
  const code = (error as { code?: string } | null)?.code ?? "";
  if (name === "AbortError" || code === "ERROR_CEREMONY_ABORTED") return "aborted";
  if (name === "InvalidStateError" || code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED")
    return "passkeys.errors.alreadyRegistered";
  if (name === "NotAllowedError") return "authErrors.passkeyCancelled";
  return "authErrors.passkeyFailed";
}

async function verifyFailure(response: Response | null): Promise<PasskeyFailure> {
  if (!response) return "authErrors.networkError";
  const { status } = response;
  const code = ((await response.json().catch(() => ({}))) as ErrorBody).code ?? "";
  if (code === "PASSKEY_NOT_FOUND") return "passkeys.errors.unknownPasskey";
  if (code === "CHALLENGE_NOT_FOUND") return "passkeys.errors.expired";
  if (code === "SESSION_NOT_FRESH" || status === 401) return "passkeys.errors.reauthenticate";
  if (status === 429) return "authErrors.tooManyAttempts";
  return "authErrors.passkeyFailed";
}

/**
 * Signs in with a passkey; `autofill` waits for the user to pick one in the email field's
 * suggestions. "two-factor" when the tenant asks for the second factor after passkeys too.
 */
export async function signInWithPasskey(
  apiBase: string,
  { autofill }: { autofill: boolean },
): Promise<PasskeyFailure | "two-factor" | null> {
  const options = await fetchOptionsInTurn(`${apiBase}/passkey/generate-authenticate-options`);
  if (!options?.ok) return verifyFailure(options);
  let credential;
  try {
    credential = await startAuthentication({ optionsJSON: await options.json(), useBrowserAutofill: autofill });
  } catch (error) {
    return ceremonyFailure(error);
  }
  const verified = await authRequest(`${apiBase}/passkey/verify-authentication`, { response: credential });
  if (!verified?.ok) return verifyFailure(verified);
  const answer = (await verified.json().catch(() => null)) as { twoFactorRedirect?: boolean } | null;
  return answer?.twoFactorRedirect ? "two-factor" : null;
}

/** Registers a new passkey for the signed-in user. */
export async function registerPasskey(apiBase: string): Promise<PasskeyFailure | null> {
  const options = await authRequest(`${apiBase}/passkey/generate-register-options`);
  if (!options?.ok) return verifyFailure(options);
  let credential;
  try {
    credential = await startRegistration({ optionsJSON: await options.json() });
  } catch (error) {
    return ceremonyFailure(error);
  }
  const verified = await authRequest(`${apiBase}/passkey/verify-registration`, { response: credential });
  return verified?.ok ? null : verifyFailure(verified);
}
