import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { Badge, Card } from "~/components/ui/layout";
import { ConsoleOrganizationHeader } from "~/organizations/ui/console-organization-header";
import { organizationSsoAction, organizationSsoPage } from "~/sso/console.server";
import { oidcRedirectUri } from "~/sso/oidc.server";
import { ConnectionForm, DomainsPanel, RecentEvents, ServiceProviderValues } from "~/sso/ui/console-panels";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "viewer");
  return {
    slug: access.tenant.slug,
    canManage: roleAtLeast(access.role, "admin"),
    oidcRedirectUri: oidcRedirectUri(access.tenant.slug),
    ...(await organizationSsoPage(access, params.orgId)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  return organizationSsoAction(access, request, params.orgId);
}

export default function OrganizationSso() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const [search] = useSearchParams();
  const errors = result && "errors" in result ? result.errors : {};
  const { slug, organization, connection, canManage } = data;
  return (
    <>
      <ConsoleOrganizationHeader slug={slug} organization={organization} />
      {search.get("tested") ? (
        <p role="status" className="mb-4 rounded-theme border border-border px-3 py-2 text-sm">
          The identity provider answered; what it sent is under Recent tests. Nobody was signed in.
        </p>
      ) : null}
      <Card title="Status" className="mb-6">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <Badge tone={connection ? "success" : "neutral"}>
            {connection
              ? `connected (${connection.protocol === "saml" ? "SAML 2.0" : "OpenID Connect"})`
              : "not connected"}
          </Badge>
          {connection?.saml ? <span>IdP {connection.saml.idpEntityId}</span> : null}
          {connection?.oidc ? <span>Issuer {connection.oidc.issuer}</span> : null}
          {canManage && connection ? (
            <>
              <Form method="post">
                <input type="hidden" name="intent" value="test" />
                <Button variant="secondary" disabled={pending}>
                  Test connection
                </Button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="remove" />
                <Button variant="danger" disabled={pending}>
                  Disconnect
                </Button>
              </Form>
            </>
          ) : null}
        </div>
        {result && "intent" in result && result.intent === "test" ? <FormError message={errors.form} /> : null}
      </Card>
      <ServiceProviderValues data={data} oidcRedirectUri={data.oidcRedirectUri} />
      {canManage ? (
        <>
          <ConnectionForm
            data={data}
            errors={result && "intent" in result && result.intent?.toString().startsWith("save") ? errors : {}}
            intent={result && "intent" in result ? String(result.intent) : undefined}
            pending={pending}
          />
          <DomainsPanel
            data={data}
            errors={result && "intent" in result && result.intent === "add-domain" ? errors : {}}
            pending={pending}
          />
        </>
      ) : null}
      <RecentEvents events={data.events} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
