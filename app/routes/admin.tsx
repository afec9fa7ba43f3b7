import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Form, Link, Outlet, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BrandMark } from "~/components/ui/brand-mark";
import { ToastMessage } from "~/components/ui/toast";
import { getPortico } from "~/context.server";
import { getToast } from "~/http/toast.server";
import { requirePlatformUser } from "~/platform/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePlatformUser(request);
  const { toast, headers } = await getToast(request);
  const { appName, branding } = getPortico().env;
  return data({ user, appName, branding, toast }, { headers });
}

/**
 * The theme editor's live CSS check posts to its preview endpoint as you type; it changes
 * nothing this layout shows, and revalidating here would read (and spend) a pending toast.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction?.endsWith("/branding/preview") ? false : defaultShouldRevalidate;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Console – ${data?.appName ?? ""}` }];

/** The console's frame: product name, the signed-in account, sign-out, and the page. */
export default function AdminLayout() {
  const { user, branding, toast } = useLoaderData<typeof loader>();
  return (
    <div className="min-h-screen">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-border bg-card px-4 py-3">
        <Link to="/admin" className="text-lg font-bold tracking-tight">
          <BrandMark branding={branding} suffix="Console" />
        </Link>
        <div className="flex items-center gap-3 text-sm">
          <Link to="/admin/outbox" className="font-medium text-primary hover:underline">
            My outbox
          </Link>
          <span className="text-muted" data-testid="platform-user">
            {user.email}
          </span>
          <Form method="post" action="/sign-out">
            <button type="submit" className="font-medium text-primary hover:underline">
              Sign out
            </button>
          </Form>
        </div>
      </header>
      <ToastMessage toast={toast} />
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
