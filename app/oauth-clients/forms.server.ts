import type { FormErrors } from "~/http/forms";
import { OAuthClientError } from "./clients.server";
import type { CreateOAuthClientInput } from "./schema";

/**
 * The console's client form in the capability's terms: lists typed one per line (or, for
 * scopes, separated by spaces), blank optional fields as "not set", and the capability's field
 * errors back under the form's field names.
 */
const lines = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

const words = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(/\s+/)
    .filter(Boolean);

const blankToNull = (value: FormDataEntryValue | null) => {
  const text = String(value ?? "").trim();
  return text === "" ? null : text;
};

export type ClientFormInput = Required<CreateOAuthClientInput>;

/** The form as capability input, and the errors found before the capability sees it. */
export function readClientForm(form: FormData): { input: ClientFormInput; errors: FormErrors | null } {
  const jwksText = blankToNull(form.get("jwks"));
  let jwks: unknown = null;
  let errors: FormErrors | null = null;
  if (jwksText) {
    try {
      jwks = JSON.parse(jwksText);
    } catch {
      errors = { jwks: 'Paste the public keys as JSON, like {"keys": [...]}.' };
    }
  }
  return {
    errors,
    input: {
      name: String(form.get("name") ?? ""),
      logoUrl: blankToNull(form.get("logoUrl")),
      redirectUris: lines(form.get("redirectUris")),
      postLogoutRedirectUris: lines(form.get("postLogoutRedirectUris")),
      grantTypes: form.getAll("grantTypes").map(String) as ClientFormInput["grantTypes"],
      scopes: words(form.get("scopes")),
      audiences: lines(form.get("audiences")),
      tokenEndpointAuthMethod: String(
        form.get("tokenEndpointAuthMethod") ?? "",
      ) as ClientFormInput["tokenEndpointAuthMethod"],
      jwks: jwks as ClientFormInput["jwks"],
      jwksUri: blankToNull(form.get("jwksUri")),
      firstParty: form.get("firstParty") === "on",
    },
  };
}

/** A refusal's messages by form field (`redirectUris.2` is the redirect URIs box). */
export function formErrorsOf(error: OAuthClientError): FormErrors {
  const errors: FormErrors = {};
  for (const detail of error.details) errors[detail.field.split(".")[0] || "form"] ??= detail.message;
  if (error.details.length === 0) errors.form = error.message;
  return errors;
}
