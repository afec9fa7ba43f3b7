import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useRouteLoaderData } from "@remix-run/react";
import { FormError } from "~/components/form-field";
import { translateMessage } from "~/i18n/message";
import { useTranslate } from "~/i18n/use-translate";
import { redirectWithCookies, requireHostedUser, requireTrustedFormPost } from "~/organizations/hosted-session.server";
import { deviceSessionAction, multiSessionEnabled } from "~/sessions/device-sessions.server";
import { requireTenant } from "~/tenancy/request.server";
import { readForm } from "~/http/read-form.server";

/** The account page's "switch account" and "sign out of this account" forms post here. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  throw redirect(`${live.basePath}/account`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!multiSessionEnabled(live)) throw new Response("Not found.", { status: 404 });
  requireTrustedFormPost(live, request);
  await requireHostedUser(live, request);
  const result = await deviceSessionAction(live, request, await readForm(request));
  if (!result.ok) return data({ error: result.error, basePath: live.basePath }, { status: result.status });
  return redirectWithCookies(live, `${live.basePath}/account`, result.setCookies);
}

export default function DeviceSessionFailed() {
  const result = useActionData<typeof action>();
  // The layout's base path: `/t/<slug>` on the shared host, "" on the tenant's own domain.
  const basePath = useRouteLoaderData<{ basePath: string }>("routes/t.$tenant")?.basePath ?? "";
  const t = useTranslate();
  return (
    <>
      <h1 className="text-xl font-semibold">{t("sessions.failed")}</h1>
      <div className="mt-4">
        <FormError message={translateMessage(t, result?.error)} />
      </div>
      <p className="mt-6 text-center text-sm">
        <Link
          to={`${result?.basePath ?? basePath}/account`}
          className="text-primary underline-offset-4 hover:underline"
        >
          {t("sessions.backToAccount")}
        </Link>
      </p>
    </>
  );
}
