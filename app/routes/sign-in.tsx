import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, FormField, SubmitButton } from "~/components/form-field";
import { AuthShell } from "~/components/ui/auth-shell";
import { getPortico } from "~/context.server";
import { afterPlatformSignIn, platformRedirectParam, platformSignIn } from "~/platform/forms.server";
import { getPlatformUser } from "~/platform/session.server";
import { readForm } from "~/http/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getPlatformUser(request)) throw redirect(afterPlatformSignIn(request));
  const { appName, branding } = getPortico().env;
  return { appName, branding, redirectTo: platformRedirectParam(request) };
}

export async function action({ request }: ActionFunctionArgs) {
  const result = await platformSignIn(request, await readForm(request));
  if (!result.ok) return data(result, { status: result.status });
  const headers = new Headers();
  for (const cookie of result.setCookies) headers.append("Set-Cookie", cookie);
  return redirect(afterPlatformSignIn(request), { headers });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Sign in – ${data?.appName ?? ""} Console` }];

export default function PlatformSignIn() {
  const { appName, branding, redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors = result && !result.ok ? result.errors : {};
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  return (
    <AuthShell appName={appName} branding={branding}>
      <h1 className="text-xl font-semibold">Sign in to the console</h1>
      <p className="mt-1 text-sm text-muted">Manage your tenants, their users and their settings.</p>
      <Form method="post" action={`/sign-in${query}`} className="mt-6 flex flex-col gap-4" noValidate>
        <FormError message={errors.form} />
        <FormField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={result && !result.ok ? result.values.email : undefined}
          error={errors.email}
          autoFocus={Boolean(errors.email) || !errors.password}
        />
        <FormField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
          autoFocus={Boolean(errors.password) && !errors.email}
        />
        <SubmitButton pending={pending}>Sign in</SubmitButton>
      </Form>
      <p className="mt-6 text-center text-sm text-muted">
        No account yet?{" "}
        <Link to={`/sign-up${query}`} className="font-medium text-primary underline-offset-4 hover:underline">
          Create one
        </Link>
      </p>
    </AuthShell>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
