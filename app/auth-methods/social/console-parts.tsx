import { useNavigation } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { FormField } from "~/components/form-field";
import { Badge } from "~/components/ui/layout";
import { isSocialProviderId, socialCallbackUrl } from "~/auth-methods/social/catalog";

/** A write-only setting: never filled in, "Set"/"Not set" beside it; leaving it empty keeps the stored value. */
export function SecretField({
  name,
  label,
  hint,
  isSet,
  error,
}: {
  name: string;
  label: string;
  hint?: string;
  isSet: boolean;
  error?: string;
}) {
  // Remounted whenever a submission finishes, so a typed secret never lingers in the field.
  const navigation = useNavigation();
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (navigation.state === "idle") setGeneration((value) => value + 1);
  }, [navigation.state]);
  return (
    <FormField
      key={generation}
      name={name}
      label={`${label} (${isSet ? "set" : "not set"})`}
      hint={[hint, isSet ? "Leave empty to keep the stored value." : null].filter(Boolean).join(" ")}
      type="password"
      autoComplete="off"
      error={error}
    />
  );
}

/**
 * What an admin needs to register a provider: the callback URLs to copy (the shared host's, then
 * one per custom domain), and whether the entry is complete enough for the hosted pages to show
 * its button.
 */
export function SocialSetup({
  id,
  stored,
  secretSet,
  authBaseUrls,
}: {
  id: string;
  stored: Record<string, unknown> & { enabled: boolean };
  secretSet: boolean;
  authBaseUrls: string[];
}) {
  const inputId = useId();
  if (!isSocialProviderId(id)) return null;
  const complete = Boolean(stored.clientId) && secretSet && (id !== "oidc" || Boolean(stored.discoveryUrl));
  return (
    <div className="mt-3 flex flex-col gap-2 text-sm">
      <label htmlFor={inputId} className="font-medium">
        {authBaseUrls.length > 1
          ? "Callback URLs (redirect URIs) to register with the provider: the shared host's, then each custom domain's"
          : "Callback URL (redirect URI) to register with the provider"}
      </label>
      {authBaseUrls.map((authBaseUrl, index) => (
        <input
          key={authBaseUrl}
          id={index === 0 ? inputId : undefined}
          aria-label={index === 0 ? undefined : `Callback URL on ${new URL(authBaseUrl).host}`}
          readOnly
          value={socialCallbackUrl(authBaseUrl, id)}
          onFocus={(event) => event.currentTarget.select()}
          className="rounded-theme border border-border bg-background px-3 py-2 font-mono text-xs"
          data-testid={index === 0 ? `callback-url-${id}` : `callback-url-${id}-${new URL(authBaseUrl).hostname}`}
        />
      ))}
      {stored.enabled && !complete ? (
        <p>
          <Badge tone="danger">Incomplete</Badge>{" "}
          {id === "oidc"
            ? "Add the discovery URL, client ID and client secret: the button appears on the sign-in page once all are set."
            : "Add the client ID and client secret: the button appears on the sign-in page once both are set."}
        </p>
      ) : null}
    </div>
  );
}
