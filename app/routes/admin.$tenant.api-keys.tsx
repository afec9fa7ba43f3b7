import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { adminActor, requireTenantRole, type ConsoleAccess } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import { ApiKeyError, parseCreateApiKeyForm, type ApiKeyStatus } from "~/api-keys/keys.server";
import { API_KEY_SCOPE_DESCRIPTIONS, API_KEY_SCOPES, DEFAULT_RATE_LIMIT_PER_MINUTE } from "~/api-keys/scopes";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { CheckboxField } from "~/components/ui/checkbox-field";
import { Badge, Card, EmptyState, PageHeader, Table } from "~/components/ui/layout";
import { SecretOnce } from "~/components/ui/secret-once";
import { getPortico } from "~/context.server";
import { redirectWithToast } from "~/http/toast.server";
import { readForm } from "~/http/read-form.server";

const RevokeSchema = z.object({ id: z.string().min(1).max(100) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, role } = await requireTenantRole(request, params.tenant, "viewer");
  const keys = await getPortico().apiKeys.list(tenant.id);
  // `?revoke=<id>` asks for confirmation before the POST that revokes (works without JavaScript).
  const revokeId = new URL(request.url).searchParams.get("revoke");
  return {
    canManage: roleAtLeast(role, "admin"),
    keys,
    confirmRevoke: keys.find((key) => key.id === revokeId && key.status !== "revoked") ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "create":
      return createAction(access, request, form);
    case "revoke":
      return revokeAction(access, request, form);
    default:
      throw new Response("Unknown action.", { status: 400 });
  }
}

async function createAction(access: ConsoleAccess, request: Request, form: FormData) {
  const parsed = parseCreateApiKeyForm(form);
  if (!parsed.success)
    return data({ intent: "create" as const, errors: parsed.errors, created: null }, { status: 400 });
  const { apiKeys, audit } = getPortico();
  const { key, apiKey } = await apiKeys.create({ ...parsed.data, tenant: access.tenant, createdById: access.user.id });
  await audit.record({
    ...adminActor(access, request),
    type: "api_key.created",
    target: { type: "api_key", id: apiKey.id, label: apiKey.name },
    data: { prefix: apiKey.prefix, scopes: apiKey.scopes, expiresAt: apiKey.expiresAt?.toISOString() ?? null },
  });
  // The plaintext key exists only in this response: it is never stored or logged.
  return data({ intent: "create" as const, errors: {}, created: { key, name: apiKey.name } });
}

async function revokeAction(access: ConsoleAccess, request: Request, form: FormData) {
  const parsed = RevokeSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Choose a key to revoke.", { status: 400 });
  try {
    const apiKey = await getPortico().apiKeys.revoke(access.tenant.id, parsed.data.id);
    await getPortico().audit.record({
      ...adminActor(access, request),
      type: "api_key.revoked",
      target: { type: "api_key", id: apiKey.id, label: apiKey.name },
      data: { prefix: apiKey.prefix },
    });
    return redirectWithToast(`/admin/${access.tenant.slug}/api-keys`, {
      type: "success",
      message: `${apiKey.name} was revoked; requests using it are refused from now on.`,
    });
  } catch (error) {
    if (error instanceof ApiKeyError) throw new Response(error.message, { status: 404 });
    throw error;
  }
}

const STATUS_TONE: Record<ApiKeyStatus, "success" | "danger" | "neutral"> = {
  active: "success",
  revoked: "danger",
  expired: "neutral",
};

function DateCell({ value, empty }: { value: string | Date | null; empty: string }) {
  if (!value) return <span className="text-muted">{empty}</span>;
  const date = new Date(value);
  return <time dateTime={date.toISOString()}>{date.toUTCString()}</time>;
}

export default function ApiKeys() {
  const { canManage, keys, confirmRevoke } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys your backend uses to call the management API. Each key has scopes that limit what it can do."
      />
      {result?.created ? (
        <SecretOnce
          title={`Your new key: ${result.created.name}`}
          label="API key"
          copyLabel="Copy key"
          secret={result.created.key}
        />
      ) : null}
      {confirmRevoke && canManage ? (
        <Card title={`Revoke ${confirmRevoke.name}?`} className="mb-6 border-danger">
          <p className="mb-4 text-sm">
            Requests using <code className="font-mono">{confirmRevoke.prefix}…</code> are refused immediately. This
            cannot be undone.
          </p>
          <Form method="post" className="flex flex-wrap gap-2">
            <input type="hidden" name="intent" value="revoke" />
            <input type="hidden" name="id" value={confirmRevoke.id} />
            <Button variant="danger" disabled={pending}>
              Revoke key
            </Button>
            <Link to="." className="rounded-theme border border-border px-3.5 py-2 text-sm font-semibold">
              Cancel
            </Link>
          </Form>
        </Card>
      ) : null}
      {keys.length === 0 ? (
        <EmptyState title="No API keys yet">
          {canManage ? "Create one below to call the management API from your backend." : null}
        </EmptyState>
      ) : (
        <Table label="API keys">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              {canManage ? (
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <td className="font-medium">{key.name}</td>
                <td>
                  <code className="font-mono text-xs">{key.prefix}…</code>
                </td>
                <td className="text-xs">{key.scopes.join(", ")}</td>
                <td>
                  <DateCell value={key.createdAt} empty="" />
                </td>
                <td>
                  <DateCell value={key.expiresAt} empty="Never" />
                </td>
                <td>
                  <DateCell value={key.lastUsedAt} empty="Never used" />
                  {key.lastUsedIp ? <p className="text-xs text-muted">from {key.lastUsedIp}</p> : null}
                </td>
                <td>
                  <Badge tone={STATUS_TONE[key.status]}>{key.status}</Badge>
                </td>
                {canManage ? (
                  <td className="text-right">
                    {key.status === "revoked" ? null : (
                      <Form method="get">
                        <input type="hidden" name="revoke" value={key.id} />
                        <Button variant="secondary" aria-label={`Revoke ${key.name}`}>
                          Revoke
                        </Button>
                      </Form>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {canManage ? (
        <CreateKeyForm
          // A fresh form after each created key, so the next one starts empty.
          key={result?.created?.key ?? "new"}
          errors={result?.errors ?? {}}
          pending={pending}
        />
      ) : null}
    </>
  );
}

function CreateKeyForm({ errors, pending }: { errors: Record<string, string | undefined>; pending: boolean }) {
  return (
    <Card title="Create an API key" className="mt-8">
      <Form method="post" className="grid grid-cols-1 gap-4" noValidate>
        <input type="hidden" name="intent" value="create" />
        <FormError message={errors.form} />
        <FormField label="Name" name="name" required maxLength={100} error={errors.name} hint="e.g. Billing backend" />
        <fieldset aria-describedby={errors.scopes ? "api-key-scopes-error" : undefined}>
          <legend className="mb-2 text-sm font-medium">Scopes</legend>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            {API_KEY_SCOPES.map((scope) => (
              <CheckboxField
                key={scope}
                label={scope}
                hint={API_KEY_SCOPE_DESCRIPTIONS[scope]}
                name="scopes"
                value={scope}
              />
            ))}
          </div>
          {errors.scopes ? (
            <p id="api-key-scopes-error" className="mt-2 text-sm font-medium text-danger" aria-live="polite">
              {errors.scopes}
            </p>
          ) : null}
        </fieldset>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <FormField
            label="Expires on (optional)"
            name="expiresOn"
            type="date"
            error={errors.expiresOn}
            hint="The key works until the end of this day (UTC)."
          />
          <FormField
            label="Rate limit (optional)"
            name="rateLimitPerMinute"
            type="number"
            min={1}
            inputMode="numeric"
            error={errors.rateLimitPerMinute}
            hint={`Requests per minute; empty means the default of ${DEFAULT_RATE_LIMIT_PER_MINUTE}.`}
          />
        </div>
        <div>
          <Button disabled={pending}>Create key</Button>
        </div>
      </Form>
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
