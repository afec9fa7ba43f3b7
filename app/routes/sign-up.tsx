import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, FormField, SubmitButton } from "~/components/form-field";
import { AuthShell } from "~/components/ui/auth-shell";
import { getPortico } from "~/context.server";
import {
  afterPlatformSignIn,
  PLATFORM_MIN_PASSWORD_LENGTH,
  platformRedirectParam,
  platformSignUp,
} from "~/platform/forms.server";
import { getPlatformUser } from "~/platform/session.server";
import { readForm } from "~/http/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getPlatformUser(request)) throw redirect(afterPlatformSignIn(request));
  // An invitation page passes the invited address along so the invitee does not retype it.
  const email = new URL(request.url).searchParams.get("email")?.slice(0, 254) ?? "";
  return {
    appName: getPortico().env.appName,
    branding: getPortico().env.branding,
    redirectTo: platformRedirectParam(request),
    email,
    minPasswordLength: PLATFORM_MIN_PASSWORD_LENGTH,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const result = await platformSignUp(request, await readForm(request));
  if (!result.ok) return data(result, { status: result.status });
  const headers = new Headers();
  for (const cookie of result.setCookies) headers.append("Set-Cookie", cookie);
  // New accounts confirm their address first (the first account is confirmed already and
  // passes straight through to where it was going).
  const redirectTo = platformRedirectParam(request);
  return redirect(`/verify-email${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`, { headers });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Create an account – ${data?.appName ?? ""} Console` },
];

export default function PlatformSignUp() {
  const { appName, branding, redirectTo, email, minPasswordLength } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? result.values : { email };
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  return (
    <AuthShell appName={appName} branding={branding}>
      <h1 className="text-xl font-semibold">Create your console account</h1>
      <p className="mt-1 text-sm text-muted">One account for every tenant you run.</p>
      <Form method="post" action={`/sign-up${query}`} className="mt-6 flex flex-col gap-4" noValidate>
        <FormError message={errors.form} />
        <FormField
          label="Name"
          name="name"
          autoComplete="name"
          required
          defaultValue={values.name}
          error={errors.name}
          autoFocus
        />
        <FormField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={values.email}
          error={errors.email}
        />
        <FormField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={`At least ${minPasswordLength} characters.`}
          error={errors.password}
        />
        <SubmitButton pending={pending}>Create account</SubmitButton>
      </Form>
      <p className="mt-6 text-center text-sm text-muted">
        Already have an account?{" "}
        <Link to={`/sign-in${query}`} className="font-medium text-primary underline-offset-4 hover:underline">
          Sign in
        </Link>
      </p>
    </AuthShell>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
