import { Form } from "@remix-run/react";
import { FormError, FormField, TextAreaField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { CheckboxField } from "~/components/ui/checkbox-field";
import { SecretOnce } from "~/components/ui/secret-once";
import { SelectField } from "~/components/ui/select-field";
import type { FormErrors } from "~/http/forms";
import {
  OAUTH_GRANT_TYPE_LABELS,
  OAUTH_GRANT_TYPES,
  TOKEN_ENDPOINT_AUTH_METHOD_LABELS,
  TOKEN_ENDPOINT_AUTH_METHODS,
  type OAuthClientSettings,
} from "../schema";

/** What the form shows: a stored client, or the defaults of a new one. */
export type ClientFormValues = OAuthClientSettings;

export const NEW_CLIENT: ClientFormValues = {
  name: "",
  logoUrl: null,
  redirectUris: [],
  postLogoutRedirectUris: [],
  grantTypes: ["authorization_code", "refresh_token"],
  scopes: ["openid", "profile", "email", "offline_access"],
  audiences: [],
  tokenEndpointAuthMethod: "client_secret_basic",
  jwks: null,
  jwksUri: null,
  firstParty: false,
};

const AUTH_METHOD_OPTIONS = TOKEN_ENDPOINT_AUTH_METHODS.map((value) => ({
  value,
  label: TOKEN_ENDPOINT_AUTH_METHOD_LABELS[value],
}));

/** The whole client as one form (no JavaScript needed): create and edit post the same fields. */
export function ClientForm({
  intent,
  values,
  errors,
  pending,
  submitLabel,
}: {
  intent: "create" | "update";
  values: ClientFormValues;
  errors: FormErrors;
  pending: boolean;
  submitLabel: string;
}) {
  return (
    <Form method="post" className="grid grid-cols-1 gap-4" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <FormError message={errors.form} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <FormField
          label="Name"
          name="name"
          required
          maxLength={100}
          defaultValue={values.name}
          error={errors.name}
          hint="Shown to users on the consent screen."
        />
        <FormField
          label="Logo URL (optional)"
          name="logoUrl"
          type="url"
          defaultValue={values.logoUrl ?? ""}
          error={errors.logoUrl}
          hint="An https image shown on the consent screen."
        />
      </div>
      <TextAreaField
        label="Redirect URIs"
        name="redirectUris"
        rows={3}
        defaultValue={values.redirectUris.join("\n")}
        error={errors.redirectUris}
        hint="One per line: https, or http on localhost, 127.0.0.1 or [::1]; no #fragment. Needed for sign-in."
      />
      <TextAreaField
        label="Post-logout redirect URIs (optional)"
        name="postLogoutRedirectUris"
        rows={2}
        defaultValue={values.postLogoutRedirectUris.join("\n")}
        error={errors.postLogoutRedirectUris}
        hint="Where users may be sent after signing out through this application."
      />
      <fieldset aria-describedby={errors.grantTypes ? "oauth-client-grants-error" : undefined}>
        <legend className="mb-2 text-sm font-medium">Grant types</legend>
        <div className="grid grid-cols-1 gap-2">
          {OAUTH_GRANT_TYPES.map((grant) => (
            <CheckboxField
              key={grant}
              label={OAUTH_GRANT_TYPE_LABELS[grant]}
              name="grantTypes"
              value={grant}
              defaultChecked={values.grantTypes.includes(grant)}
            />
          ))}
        </div>
        {errors.grantTypes ? (
          <p id="oauth-client-grants-error" className="mt-2 text-sm font-medium text-danger" aria-live="polite">
            {errors.grantTypes}
          </p>
        ) : null}
      </fieldset>
      <FormField
        label="Scopes"
        name="scopes"
        defaultValue={values.scopes.join(" ")}
        error={errors.scopes}
        hint="Separated by spaces. openid profile email offline_access are for signing users in; service scopes (read:orders) for client credentials."
      />
      <TextAreaField
        label="Audiences (optional)"
        name="audiences"
        rows={2}
        defaultValue={values.audiences.join("\n")}
        error={errors.audiences}
        hint="One per line: the APIs (resource URLs) this client's access tokens are for."
      />
      <SelectField
        label="Token endpoint authentication"
        name="tokenEndpointAuthMethod"
        options={AUTH_METHOD_OPTIONS}
        defaultValue={values.tokenEndpointAuthMethod}
        error={errors.tokenEndpointAuthMethod}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <FormField
          label="JWKS URI (private_key_jwt only)"
          name="jwksUri"
          type="url"
          defaultValue={values.jwksUri ?? ""}
          error={errors.jwksUri}
          hint="Where the client publishes its public keys."
        />
        <TextAreaField
          label="JWKS (private_key_jwt only)"
          name="jwks"
          rows={2}
          textSize="xs"
          defaultValue={values.jwks ? JSON.stringify(values.jwks) : ""}
          error={errors.jwks}
          hint="Or paste the public keys here as JSON."
        />
      </div>
      <CheckboxField
        label="First-party application: skip the consent screen"
        hint="Only for applications you run yourself; users are not asked to approve them."
        name="firstParty"
        defaultChecked={values.firstParty}
        error={errors.firstParty}
      />
      <div>
        <Button disabled={pending}>{submitLabel}</Button>
      </div>
    </Form>
  );
}

/** A new client secret, shown this once, with the client id it goes with. */
export function ClientSecretOnce({ name, clientId, secret }: { name: string; clientId: string; secret: string }) {
  return (
    <SecretOnce title={`Client secret for ${name}`} label="Client secret" copyLabel="Copy secret" secret={secret}>
      <p className="mb-3 text-sm">
        Client ID <code className="font-mono">{clientId}</code>
      </p>
    </SecretOnce>
  );
}
