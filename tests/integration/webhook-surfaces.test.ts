import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsoleAccess } from "~/admin/access.server";
import type { Tenant } from "~/tenancy/tenants.server";
import { webhookAction } from "~/webhooks/console-actions.server";
import { consoleAdmin, startHarness, type Harness } from "./management-api-harness";

/**
 * Issue 14 item 7 for webhook endpoints: the same change through the console's forms and
 * through /api/v1 leaves the endpoint in the same state and writes the same audit entry.
 * Each row starts from two identical endpoints, one per surface.
 */
let h: Harness;
let acme: Tenant;
let key: string;
let access: ConsoleAccess;
let counter = 0;

type Endpoint = { id: string; url: string };

async function newEndpoint(): Promise<Endpoint> {
  const created = await h.api(key, "POST", "/webhooks/endpoints", {
    url: `https://hooks-${++counter}.example.com/portico`,
    description: "CRM sync",
    eventTypes: ["user.created"],
  });
  expect(created.status).toBe(201);
  return created.body.endpoint;
}

/** What an admin would check: the endpoint as the API shows it (minus what differs by nature). */
async function stateOf(endpoint: Endpoint) {
  const answer = await h.api(key, "GET", `/webhooks/endpoints/${endpoint.id}`);
  if (answer.status === 404) return { exists: false };
  const { description, eventTypes, enabled } = answer.body;
  const deliveries = await h.api(key, "GET", `/webhooks/endpoints/${endpoint.id}/deliveries`);
  return {
    exists: true,
    description,
    eventTypes,
    enabled,
    deliveries: (deliveries.body.data as { type: string }[]).map((d) => d.type).sort(),
  };
}

async function lastAuditOf(endpoint: Endpoint) {
  const { getPortico } = await import("~/context.server");
  const [entry] = (
    await getPortico().audit.list({ tenantId: acme.id, type: "admin.webhook_endpoint.", limit: 200 })
  ).filter((event) => event.targetId === endpoint.id);
  return {
    type: entry?.type,
    target: entry?.targetLabel === endpoint.url,
    dataKeys: Object.keys(entry?.data ?? {}).sort(),
  };
}

async function consolePost(fields: Record<string, string>) {
  const request = new Request(`${h.baseUrl}/admin/acme/webhooks`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "parity-test" },
    body: new URLSearchParams(fields),
  });
  const result = await webhookAction(access, request);
  // Success is a redirect with a toast, or the new secret to show once; a refusal would be errors.
  const status = result instanceof Response ? result.status : (result.init?.status ?? 200);
  expect([200, 302], JSON.stringify(result)).toContain(status);
}

type Row = {
  operation: string;
  console: (endpoint: Endpoint) => Record<string, string>;
  api: (endpoint: Endpoint) => [method: string, path: string, body?: unknown];
};

const rows: Row[] = [
  {
    operation: "change description and events",
    console: (e) => ({ intent: "update", endpointId: e.id, description: "Billing", eventTypes: "user.deleted" }),
    api: (e) => ["PATCH", `/webhooks/endpoints/${e.id}`, { description: "Billing", eventTypes: ["user.deleted"] }],
  },
  {
    operation: "disable",
    console: (e) => ({ intent: "disable", endpointId: e.id }),
    api: (e) => ["PATCH", `/webhooks/endpoints/${e.id}`, { enabled: false }],
  },
  {
    operation: "rotate the secret",
    console: (e) => ({ intent: "rotate", endpointId: e.id }),
    api: (e) => ["POST", `/webhooks/endpoints/${e.id}/rotate-secret`],
  },
  {
    operation: "send a test event",
    console: (e) => ({ intent: "test", endpointId: e.id }),
    api: (e) => ["POST", `/webhooks/endpoints/${e.id}/test`],
  },
  {
    operation: "delete",
    console: (e) => ({ intent: "delete", endpointId: e.id }),
    api: (e) => ["DELETE", `/webhooks/endpoints/${e.id}`],
  },
];

beforeAll(async () => {
  h = await startHarness("webhook-surfaces");
  acme = await h.createTenant("acme");
  key = (await h.createKey(acme, ["webhooks:read", "webhooks:write"])).key;
  access = consoleAdmin(acme);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe("a webhook endpoint change through the console and through /api/v1", () => {
  it.each(rows)("$operation: same endpoint, same audit entry", async (row) => {
    const [viaConsole, viaApi] = [await newEndpoint(), await newEndpoint()];
    await consolePost(row.console(viaConsole));
    const [method, path, body] = row.api(viaApi);
    const answer = await h.api(key, method, path, body);
    expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);

    expect(await stateOf(viaConsole)).toEqual(await stateOf(viaApi));
    const [consoleAudit, apiAudit] = [await lastAuditOf(viaConsole), await lastAuditOf(viaApi)];
    expect(consoleAudit.type).toMatch(/^admin\.webhook_endpoint\./);
    expect(consoleAudit).toEqual(apiAudit);
  });

  it("refuses to replay a delivery of another endpoint on either surface", async () => {
    const [first, second] = [await newEndpoint(), await newEndpoint()];
    const sent = await h.api(key, "POST", `/webhooks/endpoints/${first.id}/test`);
    const deliveryId = sent.body.deliveryId as string;
    const answer = await h.api(key, "POST", `/webhooks/endpoints/${second.id}/deliveries/${deliveryId}/replay`);
    expect(answer.status).toBe(404);
    const request = new Request(`${h.baseUrl}/admin/acme/webhooks`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "replay", endpointId: second.id, deliveryId }),
    });
    const result = await webhookAction(access, request);
    expect(result instanceof Response ? result.status : result.init?.status).toBe(404);
  });
});
