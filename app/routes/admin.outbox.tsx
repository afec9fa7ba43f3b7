import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/ui/layout";
import { Outbox } from "~/components/ui/outbox";
import { getPlatformMail, listPlatformMail } from "~/platform/outbox.server";
import { requirePlatformUser } from "~/platform/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePlatformUser(request);
  const id = new URL(request.url).searchParams.get("message");
  const [messages, open] = await Promise.all([
    listPlatformMail(user),
    id ? getPlatformMail(user, id.slice(0, 100)) : null,
  ]);
  if (id && !open) throw new Response("There is no such message in your outbox.", { status: 404 });
  return { email: user.email, messages, open };
}

/** The platform's outbox, as far as it concerns the signed-in account: mail sent to its email. */
export default function PlatformOutbox() {
  const { email, messages, open } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-5xl px-4 py-6">
      <PageHeader
        title="My outbox"
        description={`Console mail addressed to ${email}, such as invitations, with its delivery status. Links that grant access are hidden here: they only travel by email.`}
      />
      <Outbox
        messages={messages}
        open={open}
        basePath="/admin/outbox"
        emptyText="Invitations sent to you appear here."
      />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
