import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { isTrustedFormPost } from "~/auth/hosted-forms.server";
import { FormError, FormField, SubmitButton } from "~/components/form-field";
import { requireTenant } from "~/tenancy/request.server";
import { requestPasswordResetEmail } from "~/users/password-reset.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  return { basePath: live.basePath };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  const result = await requestPasswordResetEmail(live, request, await request.formData());
  return data(result, { status: result.ok ? 200 : result.status });
}

export const meta: MetaFunction = ({ matches }) => {
  const tenant = (matches.find((m) => m.id === "routes/t.$tenant")?.data as { tenant?: { name: string } } | undefined)
    ?.tenant;
  return [{ title: `Forgot password – ${tenant?.name ?? ""}` }];
};

export default function ForgotPassword() {
  const { basePath } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors = result && !result.ok ? result.errors : {};
  return (
    <>
      <h1 className="text-xl font-semibold">Forgot your password?</h1>
      {result?.ok ? (
        <p role="status" className="mt-4 text-sm">
          If an account exists for <strong>{result.email}</strong>, we sent it a link to choose a new password. The link
          works once and expires in an hour.
        </p>
      ) : (
        <>
          <p className="mt-1 text-sm text-muted">Enter your email and we will send you a link to choose a new one.</p>
          <Form method="post" action={`${basePath}/forgot-password`} className="mt-6 flex flex-col gap-4" noValidate>
            <FormError message={errors.form} />
            <FormField
              label="Email"
              name="email"
              type="email"
              autoComplete="email"
              required
              defaultValue={result && !result.ok ? result.email : undefined}
              error={errors.email}
              autoFocus
            />
            <SubmitButton pending={pending}>Send reset link</SubmitButton>
          </Form>
        </>
      )}
      <p className="mt-6 text-center text-sm text-muted">
        <Link to={`${basePath}/sign-in`} className="font-medium text-primary underline-offset-4 hover:underline">
          Back to sign in
        </Link>
      </p>
    </>
  );
}
