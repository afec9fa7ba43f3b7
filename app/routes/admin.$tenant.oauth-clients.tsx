import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Badge, Card, EmptyState, PageHeader, Table } from "~/components/ui/layout";
import { getPortico } from "~/context.server";
import { jwtIssuer } from "~/jwt/plugin.server";
import { listOAuthClients, oauthProviderOn } from "~/oauth-clients/clients.server";
import { clientListAction } from "~/oauth-clients/console-actions.server";
import { ClientForm, NEW_CLIENT, ClientSecretOnce } from "~/oauth-clients/ui/client-form";
import { requireLiveTenant } from "~/users/tenant-users.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "viewer");
  const live = await requireLiveTenant(access);
  const providerOn = oauthProviderOn(live);
  return {
    canManage: roleAtLeast(access.role, "admin"),
    providerOn,
    issuer: jwtIssuer(getPortico().env.publicUrl, access.tenant.slug),
    clients: providerOn ? await listOAuthClients(live) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return clientListAction(await requireTenantRole(request, params.tenant, "admin"), request);
}

export default function OAuthClients() {
  const { canManage, providerOn, issuer, clients } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader
        title="Applications"
        description="OAuth 2.1 / OpenID Connect clients: your apps that sign users in with this tenant, and services that get tokens for each other."
      />
      <p className="mb-6 text-sm">
        Issuer <code className="font-mono">{issuer}</code> · discovery{" "}
        <code className="font-mono">{issuer}/.well-known/openid-configuration</code>
      </p>
      {result?.secret ? (
        <>
          <ClientSecretOnce name={result.secret.name} clientId={result.secret.clientId} secret={result.secret.value} />
          <p className="-mt-4 mb-6 text-sm">
            <Link className="font-semibold text-primary underline" to={encodeURIComponent(result.secret.clientId)}>
              Open {result.secret.name}
            </Link>
          </p>
        </>
      ) : null}
      {!providerOn ? (
        <EmptyState title="The OAuth 2.1 / OpenID Connect provider is off">
          Switch it on under{" "}
          <Link className="text-primary underline" to="../auth-methods" relative="path">
            Auth methods
          </Link>{" "}
          to register applications.
        </EmptyState>
      ) : clients.length === 0 ? (
        <EmptyState title="No applications yet">
          {canManage ? "Create one below to let an app sign users in, or a service get tokens." : null}
        </EmptyState>
      ) : (
        <Table label="Applications">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Client ID</th>
              <th scope="col">Grant types</th>
              <th scope="col">Authentication</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {clients.map((client) => (
              <tr key={client.clientId}>
                <td className="font-medium">
                  <Link className="text-primary underline" to={encodeURIComponent(client.clientId)}>
                    {client.name}
                  </Link>
                  {client.firstParty ? <span className="ml-2 text-xs text-muted">first-party</span> : null}
                </td>
                <td>
                  <code className="font-mono text-xs">{client.clientId}</code>
                </td>
                <td className="text-xs">{client.grantTypes.join(", ")}</td>
                <td className="text-xs">{client.tokenEndpointAuthMethod}</td>
                <td>
                  <Badge tone={client.enabled ? "success" : "danger"}>{client.enabled ? "enabled" : "disabled"}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {canManage && providerOn ? (
        <Card title="Create an application" className="mt-8">
          <ClientForm
            // A fresh form after each created client, so the next one starts empty.
            key={result?.secret?.clientId ?? "new"}
            intent="create"
            values={result?.values ?? NEW_CLIENT}
            errors={result?.errors ?? {}}
            pending={pending}
            submitLabel="Create application"
          />
        </Card>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
