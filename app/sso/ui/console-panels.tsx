import { Form } from "@remix-run/react";
import { useState } from "react";
import { FormError, FormField, TextAreaField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { CopyField } from "~/components/ui/copy-field";
import { Badge, Card, EmptyState, Table } from "~/components/ui/layout";

/**
 * The console's SSO page, panel by panel: what to give the identity provider, the connection
 * form, the email domains, and the recent SSO events. The copy is the console's (English).
 */
type Errors = Partial<Record<string, string>>;

export type SsoPageData = {
  connection: {
    protocol: "saml" | "oidc";
    saml: { idpEntityId: string; idpSsoUrl: string; idpCertificates: string[] } | null;
    oidc: { issuer: string; clientId: string } | null;
    defaultRole: string;
    attributeMapping: { email: string; name: string; groups: string; groupRoles: Record<string, string> };
  } | null;
  serviceProvider:
    | { protocol: "saml"; entityId: string; acsUrl: string; metadataUrl: string }
    | { protocol: "oidc"; redirectUri: string };
  signInUrl: string;
  domains: { domain: string; recordName: string; recordValue: string; verifiedAt: string | Date | null }[];
  events: { id: string; type: string; data: Record<string, unknown>; createdAt: string | Date }[];
};

export function ServiceProviderValues({ data, oidcRedirectUri }: { data: SsoPageData; oidcRedirectUri: string }) {
  const sp = data.serviceProvider;
  return (
    <Card title="Values for your identity provider">
      <div className="grid gap-4">
        {sp.protocol === "saml" ? (
          <>
            <CopyField label="SP entity ID (Audience URI, Identifier)" value={sp.entityId} copyLabel="Copy entity ID" />
            <CopyField label="ACS URL (Single sign-on URL, Reply URL)" value={sp.acsUrl} copyLabel="Copy ACS URL" />
            <CopyField label="SP metadata URL" value={sp.metadataUrl} copyLabel="Copy metadata URL" />
          </>
        ) : null}
        <CopyField
          label="OpenID Connect redirect URI"
          value={sp.protocol === "oidc" ? sp.redirectUri : oidcRedirectUri}
          copyLabel="Copy redirect URI"
        />
        <CopyField label="Sign-in link (for an app tile)" value={data.signInUrl} copyLabel="Copy sign-in link" />
        <p className="text-sm text-muted">
          Field by field for Okta, Entra ID and Google Workspace:{" "}
          <a href="/docs/enterprise-sso" className="underline">
            Enterprise SSO and SCIM
          </a>
          .
        </p>
      </div>
    </Card>
  );
}

function MappingFields({ data, errors }: { data: SsoPageData; errors: Errors }) {
  const mapping = data.connection?.attributeMapping;
  const groupRoles = Object.entries(mapping?.groupRoles ?? {})
    .map(([group, role]) => `${group} = ${role}`)
    .join("\n");
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-semibold">Just-in-time provisioning</legend>
      <FormField
        label="Default role"
        name="defaultRole"
        defaultValue={data.connection?.defaultRole ?? "member"}
        error={errors.defaultRole}
        hint="member, admin or a custom role; never owner."
      />
      <FormField
        label="Email attribute"
        name="emailAttribute"
        defaultValue={mapping?.email ?? "email"}
        error={errors.emailAttribute}
      />
      <FormField
        label="Name attribute"
        name="nameAttribute"
        defaultValue={mapping?.name ?? "name"}
        error={errors.nameAttribute}
      />
      <FormField
        label="Groups attribute"
        name="groupsAttribute"
        defaultValue={mapping?.groups ?? "groups"}
        error={errors.groupsAttribute}
      />
      <div className="sm:col-span-2">
        <TextAreaField
          label="Group roles"
          name="groupRoles"
          rows={3}
          defaultValue={groupRoles}
          error={errors.groupRoles}
          hint='One "group = role" per line; the first group listed that the person is in gives their role.'
        />
      </div>
    </fieldset>
  );
}

export function ConnectionForm({
  data,
  errors,
  intent,
  pending,
}: {
  data: SsoPageData;
  errors: Errors;
  intent?: string;
  pending: boolean;
}) {
  const [protocol, setProtocol] = useState<"saml" | "oidc">(
    intent === "save-oidc" ? "oidc" : (data.connection?.protocol ?? "saml"),
  );
  const saml = data.connection?.saml;
  const oidc = data.connection?.oidc;
  return (
    <Card title="Connection" className="mt-6">
      <div className="mb-4 flex gap-4 text-sm" role="radiogroup" aria-label="Protocol">
        {(["saml", "oidc"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input
              type="radio"
              name="protocol-choice"
              checked={protocol === value}
              onChange={() => setProtocol(value)}
            />
            {value === "saml" ? "SAML 2.0" : "OpenID Connect"}
          </label>
        ))}
      </div>
      <Form method="post" className="grid gap-4">
        <input type="hidden" name="intent" value={protocol === "saml" ? "save-saml" : "save-oidc"} />
        <FormError message={errors.form} />
        {protocol === "saml" ? (
          <>
            <FormField
              label="IdP metadata URL"
              name="idpMetadataUrl"
              type="url"
              error={errors.idpMetadataUrl}
              hint="Or paste the metadata below, or type the three values."
            />
            <TextAreaField
              label="IdP metadata XML"
              name="idpMetadataXml"
              rows={4}
              textSize="xs"
              error={errors.idpMetadataXml}
              hint="The federation metadata document your IdP offers for download."
            />
            <FormField
              label="IdP entity ID (Issuer)"
              name="idpEntityId"
              defaultValue={saml?.idpEntityId}
              error={errors.idpEntityId}
            />
            <FormField
              label="IdP single sign-on URL"
              name="idpSsoUrl"
              type="url"
              defaultValue={saml?.idpSsoUrl}
              error={errors.idpSsoUrl}
            />
            <TextAreaField
              label="IdP signing certificate"
              name="idpCertificate"
              rows={3}
              textSize="xs"
              error={errors.idpCertificate}
              hint={
                saml
                  ? `${saml.idpCertificates.length} certificate(s) on file; paste one to replace them.`
                  : "PEM (-----BEGIN CERTIFICATE-----) or base64."
              }
            />
          </>
        ) : (
          <>
            <FormField
              label="Issuer"
              name="issuer"
              type="url"
              defaultValue={oidc?.issuer}
              error={errors.issuer}
              hint="Its /.well-known/openid-configuration is read when you save."
            />
            <FormField label="Client ID" name="clientId" defaultValue={oidc?.clientId} error={errors.clientId} />
            <FormField
              label="Client secret"
              name="clientSecret"
              type="password"
              autoComplete="off"
              error={errors.clientSecret}
              hint={oidc ? "Stored encrypted; type it again to save changes." : "Stored encrypted."}
            />
          </>
        )}
        <MappingFields data={data} errors={errors} />
        <div>
          <Button disabled={pending}>{data.connection ? "Save connection" : "Connect"}</Button>
        </div>
      </Form>
    </Card>
  );
}

export function DomainsPanel({ data, errors, pending }: { data: SsoPageData; errors: Errors; pending: boolean }) {
  return (
    <Card title="Email domains" className="mt-6">
      <p className="mb-4 text-sm">
        People who type an address at a verified domain on the sign-in page go to this organization&apos;s identity
        provider, and its SSO may sign in existing accounts of the domain.
      </p>
      {data.domains.length > 0 ? (
        <Table label="Email domains">
          <thead>
            <tr>
              <th scope="col">Domain</th>
              <th scope="col">TXT record</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {data.domains.map((domain) => (
              <tr key={domain.domain}>
                <td>{domain.domain}</td>
                <td className="font-mono text-xs break-all">
                  {domain.recordName} &quot;{domain.recordValue}&quot;
                </td>
                <td>
                  <Badge tone={domain.verifiedAt ? "success" : "neutral"}>
                    {domain.verifiedAt ? "verified" : "not verified"}
                  </Badge>
                </td>
                <td className="flex gap-2">
                  {(["verify-domain", "remove-domain"] as const).map((intent) => (
                    <Form method="post" key={intent}>
                      <input type="hidden" name="intent" value={intent} />
                      <input type="hidden" name="domain" value={domain.domain} />
                      <Button
                        variant="secondary"
                        disabled={pending}
                        aria-label={`${intent === "verify-domain" ? "Verify" : "Remove"} ${domain.domain}`}
                      >
                        {intent === "verify-domain" ? "Verify" : "Remove"}
                      </Button>
                    </Form>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      <Form method="post" className="mt-4 flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="add-domain" />
        <FormField label="Domain" name="domain" placeholder="acme.com" error={errors.domain} />
        <Button disabled={pending}>Add domain</Button>
      </Form>
    </Card>
  );
}

const EVENT_LABELS: Record<string, string> = {
  "sso.test_succeeded": "Test succeeded",
  "sso.sign_in_refused": "Sign-in refused",
};

export function RecentEvents({ events }: { events: SsoPageData["events"] }) {
  const shown = events.filter((event) => EVENT_LABELS[event.type]);
  return (
    <Card title="Recent tests and refused sign-ins" className="mt-6">
      {shown.length > 0 ? (
        <Table label="Recent SSO events">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Event</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((event) => (
              <tr key={event.id}>
                <td>
                  <time dateTime={new Date(event.createdAt).toISOString()}>
                    {new Date(event.createdAt).toUTCString()}
                  </time>
                </td>
                <td>
                  <Badge tone={event.type === "sso.test_succeeded" ? "success" : "danger"}>
                    {EVENT_LABELS[event.type]}
                  </Badge>
                </td>
                <td className="text-xs break-all">
                  {event.type === "sso.test_succeeded"
                    ? `email ${String(event.data.email)}, name ${String(event.data.name ?? "—")}, groups ${(event.data.groups as string[] | undefined)?.join(", ") || "—"}, role ${String(event.data.role)}`
                    : `${String(event.data.code)}: ${String(event.data.detail ?? "")}`}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <EmptyState title="Nothing yet">
          Tests and refused sign-ins appear here, with what the IdP sent or why.
        </EmptyState>
      )}
    </Card>
  );
}
