import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireTenantRole } from "~/admin/access.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { redirectWithToast } from "~/http/toast.server";
import { handleEditorAction, loadBrandingPage } from "~/theme/editor.server";
import { ThemeEditor } from "~/theme/ui/theme-editor";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadBrandingPage(await requireTenantRole(request, params.tenant, "viewer"));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  const result = await handleEditorAction(access, request);
  if (!result.ok) return data(result, { status: 400 });
  if (result.intent === "upload") return result;
  return redirectWithToast(`/admin/${access.tenant.slug}/branding`, { type: "success", message: result.message });
}

/** The editor starts over from the stored theme whenever a save, publish or rollback changes it. */
export default function Branding() {
  const loaded = useLoaderData<typeof loader>();
  return <ThemeEditor key={`${loaded.draft?.savedAt ?? "none"}:${loaded.publishedVersion ?? 0}`} loaded={loaded} />;
}

export function ErrorBoundary(): ReactNode {
  return <GeneralErrorBoundary />;
}
