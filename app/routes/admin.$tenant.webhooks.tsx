import { webhookDeps } from "~/webhooks/process-deps.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { CheckboxField } from "~/components/ui/checkbox-field";
import { Badge, Card, EmptyState, PageHeader, Table } from "~/components/ui/layout";
import { SelectField } from "~/components/ui/select-field";
import { webhookAction, type WebhookActionResult } from "~/webhooks/console-actions.server";
import { listEndpoints } from "~/webhooks/endpoints.server";
import { ALL_EVENTS, WEBHOOK_EVENT_TYPES } from "~/webhooks/event-types";
import { listDeliveries } from "~/webhooks/outbox.server";
import { DeliveryLog } from "~/webhooks/ui/delivery-log";
import { consoleTime } from "~/components/console-time";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, role } = await requireTenantRole(request, params.tenant, "viewer");
  const endpoints = await listEndpoints(tenant.id, webhookDeps());
  const selectedId = new URL(request.url).searchParams.get("endpoint");
  const selected = endpoints.find((endpoint) => endpoint.id === selectedId) ?? null;
  if (selectedId && !selected) throw new Response("This tenant has no such webhook endpoint.", { status: 404 });
  return {
    slug: tenant.slug,
    canManage: roleAtLeast(role, "admin"),
    endpoints,
    selected,
    deliveries: selected ? await listDeliveries(tenant.id, selected.id, webhookDeps()) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  return webhookAction(access, request);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Endpoint = LoaderData["endpoints"][number];

const eventsLabel = (types: string[]) => (types.includes(ALL_EVENTS) ? "All events" : types.join(", "));

/** Webhook endpoints: where this tenant's events are POSTed, signed per Standard Webhooks. */
export default function Webhooks() {
  const { canManage, endpoints, selected } = useLoaderData<typeof loader>();
  const result = useActionData<WebhookActionResult>();
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Endpoints your backend exposes to hear about users, sessions and more. Each request is signed (Standard Webhooks) and retried for about a day until it succeeds."
      />
      {result?.secret ? <SecretOnce secret={result.secret} rotated={result.intent === "rotate"} /> : null}
      <div className="flex flex-col gap-6">
        {endpoints.length === 0 ? (
          <EmptyState title="No webhook endpoints yet">
            {canManage ? "Add one below to start receiving events." : "An admin can add one."}
          </EmptyState>
        ) : (
          <EndpointTable endpoints={endpoints} />
        )}
        {selected ? <EndpointDetail key={selected.id} endpoint={selected} /> : null}
        {canManage ? <CreateEndpoint /> : null}
      </div>
    </>
  );
}

function SecretOnce({ secret, rotated }: { secret: string; rotated: boolean }) {
  return (
    <div role="status" className="mb-6 rounded-theme border border-primary bg-card p-4">
      <p className="font-semibold">{rotated ? "New signing secret" : "Endpoint created. Its signing secret:"}</p>
      <code className="mt-2 block overflow-x-auto rounded-theme bg-background p-2 text-sm" data-testid="webhook-secret">
        {secret}
      </code>
      <p className="mt-2 text-sm text-muted">
        Copy it now: it is shown only once.
        {rotated ? " The previous secret keeps signing alongside it for 24 hours." : ""}
      </p>
    </div>
  );
}

function EndpointTable({ endpoints }: { endpoints: Endpoint[] }) {
  const { slug } = useLoaderData<typeof loader>();
  return (
    <Table label="Webhook endpoints">
      <thead>
        <tr>
          <th scope="col">URL</th>
          <th scope="col">Events</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {endpoints.map((endpoint) => (
          <tr key={endpoint.id}>
            <td className="max-w-xs break-all">
              <Link to={`/admin/${slug}/webhooks?endpoint=${endpoint.id}`} className="font-medium underline">
                {endpoint.url}
              </Link>
              {endpoint.description ? <p className="text-muted">{endpoint.description}</p> : null}
            </td>
            <td className="max-w-xs">{eventsLabel(endpoint.eventTypes)}</td>
            <td>
              <div className="flex flex-wrap gap-1">
                <Badge tone={endpoint.enabled ? "success" : "danger"}>
                  {endpoint.enabled ? "enabled" : "disabled"}
                </Badge>
                {endpoint.failingSince ? (
                  <Badge tone="danger">failing since {consoleTime(endpoint.failingSince)}</Badge>
                ) : null}
              </div>
              {endpoint.disabledReason && !endpoint.enabled ? (
                <p className="mt-1 text-xs text-muted">{endpoint.disabledReason}</p>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function EventChoices({ selected, error }: { selected: string[]; error?: string }) {
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? "event-types-error" : undefined}>
      <legend className="mb-1 text-sm font-medium">Events</legend>
      <CheckboxField
        name="eventTypes"
        value={ALL_EVENTS}
        label="All events"
        defaultChecked={selected.includes(ALL_EVENTS)}
      />
      <div className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <CheckboxField
            key={type}
            name="eventTypes"
            value={type}
            label={type}
            defaultChecked={selected.includes(type)}
          />
        ))}
      </div>
      {error ? (
        <p id="event-types-error" className="text-sm font-medium text-danger" aria-live="polite">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function CreateEndpoint() {
  const result = useActionData<WebhookActionResult>();
  const pending = useNavigation().state === "submitting";
  const errors = result?.intent === "create" ? (result.errors ?? {}) : {};
  return (
    <Card title="Add an endpoint">
      <Form method="post" className="flex flex-col gap-4">
        <input type="hidden" name="intent" value="create" />
        <FormError message={errors.form} />
        <FormField
          label="Endpoint URL"
          name="url"
          type="url"
          required
          maxLength={2000}
          placeholder="https://api.example.com/webhooks/portico"
          error={errors.url}
        />
        <FormField label="Description" name="description" maxLength={500} error={errors.description} />
        <EventChoices selected={[ALL_EVENTS]} error={errors.eventTypes} />
        <div>
          <Button disabled={pending}>Add endpoint</Button>
        </div>
      </Form>
    </Card>
  );
}

function EndpointDetail({ endpoint }: { endpoint: Endpoint }) {
  const { canManage, deliveries } = useLoaderData<typeof loader>();
  const result = useActionData<WebhookActionResult>();
  const pending = useNavigation().state === "submitting";
  const errors = result?.endpointId === endpoint.id || !result?.endpointId ? (result?.errors ?? {}) : {};
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="endpointId" value={endpoint.id} />
    </>
  );
  return (
    <Card title={`Endpoint ${endpoint.url}`}>
      {result?.intent !== "create" ? <FormError message={errors.form} /> : null}
      {canManage ? (
        <div className="flex flex-col gap-6">
          <Form method="post" className="flex flex-col gap-4">
            {hidden("update")}
            <FormField
              label="Description"
              name="description"
              defaultValue={endpoint.description}
              maxLength={500}
              error={result?.intent === "update" ? errors.description : undefined}
            />
            <EventChoices
              selected={endpoint.eventTypes}
              error={result?.intent === "update" ? errors.eventTypes : undefined}
            />
            <div>
              <Button disabled={pending}>Save endpoint</Button>
            </div>
          </Form>
          <div className="flex flex-wrap gap-2">
            <Form method="post">
              {hidden(endpoint.enabled ? "disable" : "enable")}
              <Button variant="secondary" disabled={pending}>
                {endpoint.enabled ? "Disable" : "Enable"}
              </Button>
            </Form>
            <Form method="post">
              {hidden("test")}
              <Button variant="secondary" disabled={pending || !endpoint.enabled}>
                Send test event
              </Button>
            </Form>
            <Form method="post">
              {hidden("rotate")}
              <Button variant="secondary" disabled={pending}>
                Rotate secret
              </Button>
            </Form>
            <Form method="post" className="flex flex-wrap items-end gap-2">
              {hidden("replay-since")}
              <SelectField
                label="Replay messages from the last"
                name="window"
                defaultValue="1h"
                options={[
                  { value: "1h", label: "hour" },
                  { value: "24h", label: "24 hours" },
                  { value: "7d", label: "7 days" },
                ]}
                error={result?.intent === "replay-since" ? errors.window : undefined}
              />
              <Button variant="secondary" disabled={pending || !endpoint.enabled}>
                Replay
              </Button>
            </Form>
            <Form method="post">
              {hidden("delete")}
              <Button variant="danger" disabled={pending}>
                Delete endpoint
              </Button>
            </Form>
          </div>
        </div>
      ) : null}
      <h3 className="mt-6 mb-2 font-semibold">Recent deliveries</h3>
      {deliveries.length === 0 ? (
        <EmptyState title="No deliveries yet">Events this endpoint subscribes to will appear here.</EmptyState>
      ) : (
        <DeliveryLog endpointId={endpoint.id} deliveries={deliveries} canManage={canManage} />
      )}
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
