import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Badge, Card, PageHeader } from "~/components/ui/layout";
import { getPortico } from "~/context.server";
import { jwtIssuer } from "~/jwt/plugin.server";
import { getOAuthClient, OAuthClientError, OAuthProviderUnavailableError } from "~/oauth-clients/clients.server";
import { clientPageAction } from "~/oauth-clients/console-actions.server";
import { SECRET_AUTH_METHODS } from "~/oauth-clients/schema";
import { ClientForm, ClientSecretOnce } from "~/oauth-clients/ui/client-form";
import { requireLiveTenant } from "~/users/tenant-users.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "viewer");
  const live = await requireLiveTenant(access);
  const client = await getOAuthClient(live, { clientId: params.clientId ?? "" }).catch((error: unknown) => {
    if (error instanceof OAuthClientError) throw new Response(error.message, { status: 404 });
    if (error instanceof OAuthProviderUnavailableError) throw new Response(error.message, { status: 409 });
    throw error;
  });
  // `?delete` asks for confirmation before the POST that deletes (works without JavaScript).
  const confirmDelete = new URL(request.url).searchParams.has("delete");
  return {
    canManage: roleAtLeast(access.role, "admin"),
    issuer: jwtIssuer(getPortico().env.publicUrl, access.tenant.slug),
    client,
    confirmDelete,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  return clientPageAction(access, request, params.clientId ?? "");
}

export default function OAuthClientPage() {
  const { canManage, issuer, client, confirmDelete } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const usesSecret = SECRET_AUTH_METHODS.includes(client.tokenEndpointAuthMethod);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to=".." relative="path" className="text-primary underline">
          Applications
        </Link>
      </p>
      <PageHeader
        title={client.name}
        description={client.firstParty ? "First-party application: users are not asked for consent." : undefined}
        actions={<Badge tone={client.enabled ? "success" : "danger"}>{client.enabled ? "enabled" : "disabled"}</Badge>}
      />
      {result?.secret ? (
        <ClientSecretOnce name={result.secret.name} clientId={result.secret.clientId} secret={result.secret.value} />
      ) : null}
      {confirmDelete && canManage ? (
        <Card title={`Delete ${client.name}?`} className="mb-6 border-danger">
          <p className="mb-4 text-sm">
            Its refresh tokens and consents are deleted and its token requests refused at once. This cannot be undone.
          </p>
          <Form method="post" className="flex flex-wrap gap-2">
            <input type="hidden" name="intent" value="delete" />
            <Button variant="danger" disabled={pending}>
              Delete application
            </Button>
            <Link to="." className="rounded-theme border border-border px-3.5 py-2 text-sm font-semibold">
              Cancel
            </Link>
          </Form>
        </Card>
      ) : null}
      <Card title="Connection details" className="mb-6">
        <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium">Client ID</dt>
          <dd>
            <code className="font-mono">{client.clientId}</code>
          </dd>
          <dt className="font-medium">Issuer</dt>
          <dd>
            <code className="font-mono">{issuer}</code>
          </dd>
          <dt className="font-medium">Discovery URL</dt>
          <dd>
            <code className="font-mono">{issuer}/.well-known/openid-configuration</code>
          </dd>
          <dt className="font-medium">Authentication</dt>
          <dd>
            {client.tokenEndpointAuthMethod}
            {usesSecret ? (client.hasSecret ? " (secret stored as a hash)" : " (no secret yet)") : null}
          </dd>
          <dt className="font-medium">Redirect URIs</dt>
          <dd>{client.redirectUris.length > 0 ? client.redirectUris.join(", ") : "None"}</dd>
          <dt className="font-medium">Grant types</dt>
          <dd>{client.grantTypes.join(", ")}</dd>
          <dt className="font-medium">Scopes</dt>
          <dd>{client.scopes.join(" ") || "None"}</dd>
          <dt className="font-medium">Audiences</dt>
          <dd>{client.audiences.join(", ") || "None"}</dd>
        </dl>
      </Card>
      {canManage ? (
        <>
          <Card title="Settings" className="mb-6">
            <ClientForm
              intent="update"
              values={result?.values ?? client}
              errors={result?.errors ?? {}}
              pending={pending}
              submitLabel="Save application"
            />
          </Card>
          <Card title="Secret and status">
            <div className="flex flex-wrap gap-2">
              {usesSecret ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="rotate" />
                  <Button variant="secondary" disabled={pending}>
                    Rotate secret
                  </Button>
                </Form>
              ) : null}
              <Form method="post">
                <input type="hidden" name="intent" value={client.enabled ? "disable" : "enable"} />
                <Button variant="secondary" disabled={pending}>
                  {client.enabled ? "Disable application" : "Enable application"}
                </Button>
              </Form>
              <Form method="get">
                <input type="hidden" name="delete" value="1" />
                <Button variant="danger">Delete application</Button>
              </Form>
            </div>
            {usesSecret ? (
              <p className="mt-3 text-sm text-muted">
                Rotating refuses the old secret at once: put the new one in your service right away.
              </p>
            ) : null}
          </Card>
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
