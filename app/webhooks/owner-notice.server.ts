import type { WebhookDeps } from "./deps.server";

/**
 * Tells every owner of the tenant that the dispatcher switched an endpoint off (410 Gone, or
 * failing for days), so events stop piling up unnoticed. Sent from the deployment's address
 * (the owners are console users, not the tenant's end users).
 */
export async function emailOwnersEndpointDisabled(
  endpoint: { id: string; tenantId: string; url: string },
  reason: string,
  deps: WebhookDeps,
): Promise<void> {
  if (!deps.notices) return;
  const { outbox, publicUrl, appName } = deps.notices;
  const db = await deps.storage.control();
  const tenant = await db.tenant.findUnique({ where: { id: endpoint.tenantId }, select: { slug: true, name: true } });
  if (!tenant) return;
  const owners = await db.membership.findMany({
    where: { tenantId: endpoint.tenantId, role: "owner" },
    select: { user: { select: { email: true } } },
  });
  const consoleUrl = new URL(`/admin/${tenant.slug}/webhooks`, publicUrl).toString();
  for (const { user } of owners) {
    await outbox.send({
      tenantId: null,
      to: user.email,
      subject: `${appName}: webhook endpoint disabled for ${tenant.name}`,
      text: `${appName} stopped delivering events to the webhook endpoint ${endpoint.url} of ${tenant.name}.\n\nReason: ${reason}\n\nEvents that happen while it is disabled are not queued for it. Fix the receiver, then enable the endpoint again and replay what it missed: ${consoleUrl}`,
    });
  }
}
