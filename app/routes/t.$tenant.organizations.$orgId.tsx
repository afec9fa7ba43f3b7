import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import {
  redirectWithCookies,
  requireHostedUser,
  requireOrganizationsEnabled,
  requireTrustedFormPost,
} from "~/organizations/hosted-session.server";
import { loadOrganizationPage, organizationAction } from "~/organizations/organization-page.server";
import { OrganizationPage } from "~/organizations/ui/organization-page";
import { requireTenant } from "~/tenancy/request.server";
import { readForm } from "~/http/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  requireOrganizationsEnabled(live);
  const signedIn = await requireHostedUser(live, request);
  const page = await loadOrganizationPage(live, request, signedIn, String(params.orgId));
  return { basePath: live.basePath, ...page };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  requireOrganizationsEnabled(live);
  requireTrustedFormPost(live, request);
  await requireHostedUser(live, request);
  const result = await organizationAction(live, request, String(params.orgId), await readForm(request));
  if (result.ok && result.leftOrganization)
    return redirectWithCookies(live, `${live.basePath}/account`, result.setCookies);
  if (!result.ok) return data(result, { status: result.status });
  return data({ ok: true as const, intent: result.intent, notice: result.notice });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.organization.name ?? "Organization" },
];

export default function OrganizationRoute() {
  return <OrganizationPage page={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}
