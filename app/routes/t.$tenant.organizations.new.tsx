import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useDerivedSlug } from "~/components/derived-slug";
import { FormError, FormField, SubmitButton } from "~/components/form-field";
import { translateMessage } from "~/i18n/message";
import { useTranslate } from "~/i18n/use-translate";
import {
  redirectWithCookies,
  requireHostedUser,
  requireOrganizationsEnabled,
  requireTrustedFormPost,
} from "~/organizations/hosted-session.server";
import { createOrganization } from "~/organizations/organizations.server";
import { requireTenant } from "~/tenancy/request.server";
import { readForm } from "~/http/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  requireOrganizationsEnabled(live);
  await requireHostedUser(live, request);
  return { basePath: live.basePath };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  requireOrganizationsEnabled(live);
  requireTrustedFormPost(live, request);
  await requireHostedUser(live, request);
  const result = await createOrganization(live, request, await readForm(request));
  if (!result.ok) return data(result, { status: result.status });
  return redirectWithCookies(live, `${live.basePath}/organizations/${result.organizationId}`, result.setCookies);
}

export const meta: MetaFunction = () => [{ title: "New organization" }];

export default function NewOrganization() {
  const { basePath } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const t = useTranslate();
  const errors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? result.values : undefined;
  const slugField = useDerivedSlug(values?.slug, 50);
  return (
    <>
      <h1 className="text-xl font-semibold">{t("organizations.create.title")}</h1>
      <p className="mt-1 text-sm text-muted">{t("organizations.create.subtitle")}</p>
      <Form method="post" action={`${basePath}/organizations/new`} className="mt-6 flex flex-col gap-4" noValidate>
        <FormError message={translateMessage(t, errors.form)} />
        <FormField
          label={t("organizations.create.name")}
          name="name"
          required
          maxLength={100}
          defaultValue={values?.name}
          error={translateMessage(t, errors.name)}
          autoFocus={!errors.slug}
          {...slugField.nameProps}
        />
        <FormField
          label={t("organizations.create.slug")}
          name="slug"
          maxLength={50}
          pattern="[a-z0-9](-?[a-z0-9])*"
          hint={t("organizations.create.slugHint")}
          error={translateMessage(t, errors.slug)}
          autoFocus={Boolean(errors.slug)}
          {...slugField.slugProps}
        />
        <SubmitButton pending={pending}>{t("organizations.create.submit")}</SubmitButton>
      </Form>
      <p className="mt-6 text-center text-sm">
        <Link to={`${basePath}/account`} className="text-primary underline-offset-4 hover:underline">
          {t("organizations.backToAccount")}
        </Link>
      </p>
    </>
  );
}
