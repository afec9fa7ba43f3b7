import { describe, expect, it } from "vitest";
import { loadLocale, sharedErrorText } from "../../widgets/src/internal/messages";
import { authErrorMessage } from "./auth-errors";
import { LOCALES } from "./locales";
import { createTranslator } from "./translate";

/** Every refusal both the hosted sign-in pages and `<auth-login>` can show, as the tenant API (or the browser) reports it. */
const REFUSALS = [
  { code: "INVALID_EMAIL_OR_PASSWORD", status: 401 },
  { code: "EMAIL_NOT_VERIFIED", status: 403 },
  { code: "ACCOUNT_THROTTLED", status: 429, retryAfter: 1 },
  { code: "ACCOUNT_THROTTLED", status: 429, retryAfter: 42 },
  { code: "ACCOUNT_LOCKED", status: 423 },
  { code: "PASSWORD_HASHING_BUSY", status: 503 },
  { code: "TOO_MANY_REQUESTS", status: 429 },
  { code: "passkey_cancelled", status: 0 },
  { code: "network_error", status: 0 },
];

describe("sign-in errors", () => {
  it("read the same on the hosted pages and in the widgets, in every language", async () => {
    const differences: string[] = [];
    for (const locale of LOCALES) {
      await loadLocale(locale);
      const hosted = createTranslator(locale);
      for (const { code, status, retryAfter } of REFUSALS) {
        const shared = authErrorMessage(code, status, retryAfter);
        if (!shared) {
          differences.push(`${code}: no shared sentence`);
          continue;
        }
        const page = hosted(shared.key, shared.values);
        const widget = sharedErrorText(locale, { code, status, retryAfter });
        if (!page || page === shared.key || page !== widget)
          differences.push(`${locale} ${code}: "${page}" / "${widget}"`);
      }
    }
    expect(differences).toEqual([]);
  });

  it("fill the wait with the language's plural rules, and leave other refusals to each surface", () => {
    const throttled = authErrorMessage("ACCOUNT_THROTTLED", 429, 1)!;
    expect(createTranslator("en")(throttled.key, throttled.values)).toBe(
      "Too many attempts for this account. Try again in 1 second or sign in with a link.",
    );
    expect(authErrorMessage("ACCOUNT_THROTTLED", 429, "soon")?.values).toEqual({ seconds: 60 });
    expect(authErrorMessage("USER_ALREADY_EXISTS", 422)).toBeUndefined();
  });
});
