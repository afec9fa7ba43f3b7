import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useRouteLoaderData } from "@remix-run/react";
import { FormError } from "~/components/form-field";
import { translateMessage } from "~/i18n/message";
import { useTranslate } from "~/i18n/use-translate";
import {
  redirectWithCookies,
  requireHostedUser,
  requireOrganizationsEnabled,
  requireTrustedFormPost,
} from "~/organizations/hosted-session.server";
import { firstMessage, switchOrganization } from "~/organizations/organizations.server";
import { requireTenant } from "~/tenancy/request.server";
import { readForm } from "~/http/read-form.server";

/** The organization switcher's form target; there is nothing to show on GET. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  throw redirect(`${live.basePath}/account`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  requireOrganizationsEnabled(live);
  requireTrustedFormPost(live, request);
  await requireHostedUser(live, request);
  const result = await switchOrganization(live, request, await readForm(request));
  if (!result.ok)
    return data({ message: firstMessage(result.errors), basePath: live.basePath }, { status: result.status });
  return redirectWithCookies(live, `${live.basePath}/account`, result.setCookies);
}

export default function SwitchOrganizationFailed() {
  const result = useActionData<typeof action>();
  // The layout's base path: `/t/<slug>` on the shared host, "" on the tenant's own domain.
  const basePath = useRouteLoaderData<{ basePath: string }>("routes/t.$tenant")?.basePath ?? "";
  const t = useTranslate();
  return (
    <>
      <h1 className="text-xl font-semibold">{t("organizations.switchFailed")}</h1>
      <div className="mt-4">
        <FormError message={translateMessage(t, result?.message)} />
      </div>
      <p className="mt-6 text-center text-sm">
        <Link
          to={`${result?.basePath ?? basePath}/account`}
          className="text-primary underline-offset-4 hover:underline"
        >
          {t("organizations.backToAccount")}
        </Link>
      </p>
    </>
  );
}
