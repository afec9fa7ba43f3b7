import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Badge, EmptyState, PageHeader, Table } from "~/components/ui/layout";
import { getPortico } from "~/context.server";
import { consoleTime } from "~/components/console-time";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant } = await requireTenantRole(request, params.tenant, "viewer");
  const { smsOutbox, smsSender } = getPortico();
  return {
    // Codes hidden: a viewer reading one could sign in as the user.
    messages: await smsOutbox.listRedacted({ tenantId: tenant.id }),
    gatewayConfigured: smsSender.configured,
  };
}

/** Text messages the tenant sent its users (phone number codes), with their delivery status. */
export default function TenantSms() {
  const { messages, gatewayConfigured } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Text messages"
        description={
          gatewayConfigured
            ? "Every text message this tenant sent to its users, with its delivery status through the deployment's SMS gateway. Codes are hidden."
            : "Every text message this tenant sent to its users, codes hidden. No SMS gateway is configured (SMS_TWILIO_ACCOUNT_SID, SMS_TWILIO_AUTH_TOKEN, SMS_FROM), so messages are not delivered."
        }
      />
      {messages.length === 0 ? (
        <EmptyState title="No text messages">Phone number codes sent to this tenant's users appear here.</EmptyState>
      ) : (
        <Table label="Text messages">
          <thead>
            <tr>
              <th scope="col">Recipient</th>
              <th scope="col">Message</th>
              <th scope="col">Time</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id}>
                <td className="whitespace-nowrap">{message.to}</td>
                <td>
                  <p className="font-mono text-sm break-words">{message.body}</p>
                  {message.lastError ? (
                    <p className="mt-1 text-sm text-danger">
                      Last delivery error (attempt {message.attempts}): {message.lastError}
                    </p>
                  ) : null}
                </td>
                <td className="whitespace-nowrap">
                  <time dateTime={new Date(message.createdAt).toISOString()}>{consoleTime(message.createdAt)}</time>
                </td>
                <td>
                  <Badge
                    tone={message.status === "sent" ? "success" : message.status === "failed" ? "danger" : "neutral"}
                  >
                    {message.status}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
