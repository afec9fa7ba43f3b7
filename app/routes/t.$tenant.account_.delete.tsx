import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getSignedInUser, isTrustedFormPost } from "~/auth/hosted-forms.server";
import { FormError, FormField, SubmitButton } from "~/components/form-field";
import { readForm } from "~/http/read-form.server";
import { CheckboxField } from "~/components/ui/checkbox-field";
import { hostedPageTitle } from "~/i18n/hosted-meta";
import { translateMessage } from "~/i18n/message";
import { useTranslate } from "~/i18n/use-translate";
import { deleteOwnAccount, deletionRequirements } from "~/privacy/hosted.server";
import { requireTenant } from "~/tenancy/request.server";

/** Deleting one's own account: a confirmation, and the password unless the session is fresh. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  // After the deletion the browser lands here signed out: it says so instead of asking to sign in.
  if (new URL(request.url).searchParams.get("deleted") === "1" && !(await getSignedInUser(live, request)))
    return { basePath: live.basePath, deleted: true as const };
  return { basePath: live.basePath, deleted: false as const, ...(await deletionRequirements(live, request)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  const result = await deleteOwnAccount(live, request, await readForm(request));
  if (!result.ok) return data(result, { status: 400 });
  const headers = new Headers();
  for (const cookie of result.setCookies) headers.append("Set-Cookie", cookie);
  return redirect(`${live.basePath}/account/delete?deleted=1`, { headers });
}

export const meta: MetaFunction = ({ matches }) => [{ title: hostedPageTitle(matches, "privacy.deleteTitle") }];

export default function DeleteAccount() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const t = useTranslate();
  if (page.deleted)
    return (
      <div role="status">
        <h1 className="text-xl font-semibold">{t("privacy.deleted")}</h1>
        <p className="mt-2 text-sm text-muted">{t("privacy.deletedText")}</p>
      </div>
    );
  const errors = result && !result.ok ? result.errors : {};
  const askPassword = page.hasPassword && !page.fresh;
  return (
    <>
      <h1 className="text-xl font-semibold">{t("privacy.deleteTitle")}</h1>
      <p className="mt-2 text-sm text-muted">{t("privacy.deleteWarning", { email: page.email })}</p>
      <Form method="post" className="mt-6 flex flex-col gap-4" noValidate>
        <FormError message={translateMessage(t, errors.form)} />
        {page.hasPassword ? (
          <FormField
            label={t("privacy.deletePassword")}
            name="password"
            type="password"
            autoComplete="current-password"
            required={askPassword}
            hint={askPassword ? t("privacy.deletePasswordHint") : t("privacy.deleteFresh")}
            error={translateMessage(t, errors.password)}
          />
        ) : null}
        <CheckboxField label={t("privacy.deleteConfirm")} name="confirm" error={translateMessage(t, errors.confirm)} />
        <SubmitButton pending={pending}>{t("privacy.deleteSubmit")}</SubmitButton>
      </Form>
      <p className="mt-6 text-center text-sm">
        <Link to={`${page.basePath}/account`} className="font-medium text-primary underline-offset-4 hover:underline">
          {t("privacy.deleteCancel")}
        </Link>
      </p>
    </>
  );
}
