import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/ui/layout";
import { Outbox } from "~/components/ui/outbox";
import { getTenantMail, listTenantMail } from "~/platform/outbox.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant } = await requireTenantRole(request, params.tenant, "viewer");
  const id = new URL(request.url).searchParams.get("message");
  const [messages, open] = await Promise.all([
    listTenantMail(tenant.id),
    id ? getTenantMail(tenant.id, id.slice(0, 100)) : null,
  ]);
  if (id && !open) throw new Response("This tenant has no such message.", { status: 404 });
  return { slug: tenant.slug, messages, open };
}

/** Mail the tenant sent its users (password resets…), kept until email delivery is set up. */
export default function TenantOutbox() {
  const { slug, messages, open } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every email this tenant sent to its users, with its delivery status. Reset, sign-in, verification and invitation links and codes are hidden: they only travel by email, and leave the database once delivered. Without a mail server (Settings, or the deployment's SMTP_URL) messages are not delivered."
      />
      <Outbox
        messages={messages}
        open={open}
        basePath={`/admin/${slug}/outbox`}
        emptyText="Password resets and other mail to this tenant's users appear here."
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
