import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, SubmitButton } from "~/components/form-field";
import { AuthShell } from "~/components/ui/auth-shell";
import { Button } from "~/components/ui/button";
import { getPortico } from "~/context.server";
import { afterPlatformSignIn, platformRedirectParam, platformResendVerification } from "~/platform/forms.server";
import { getPlatformUser } from "~/platform/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getPlatformUser(request);
  const url = new URL(request.url);
  if (user?.emailVerified) throw redirect(afterPlatformSignIn(request));
  const { appName, branding } = getPortico().env;
  return {
    appName,
    branding,
    email: user?.email ?? null,
    verified: url.searchParams.get("status") === "verified",
    linkError: url.searchParams.has("error"),
    redirectTo: platformRedirectParam(request),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await getPlatformUser(request);
  if (!user) throw redirect(`/sign-in?redirectTo=${encodeURIComponent("/verify-email")}`);
  if (user.emailVerified) throw redirect(afterPlatformSignIn(request));
  const result = await platformResendVerification(request, user.email);
  if (!result.ok) return data({ sent: false, error: result.error }, { status: result.status });
  return { sent: true, error: undefined };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Confirm your email – ${data?.appName ?? ""} Console` },
];

/** "Check your email": where an account waits until it has confirmed its address. */
export default function PlatformVerifyEmail() {
  const { appName, branding, email, verified, linkError, redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  if (!email)
    return (
      <AuthShell appName={appName} branding={branding}>
        <h1 className="text-xl font-semibold">{verified ? "Email confirmed" : "Confirm your email"}</h1>
        <p className="mt-2 text-sm text-muted">
          {verified
            ? "Your address is confirmed. Sign in to continue."
            : "Sign in to see where your confirmation link went or to get a new one."}
        </p>
        <Link
          to={`/sign-in${query}`}
          className="mt-6 block rounded-theme bg-primary px-4 py-2.5 text-center font-semibold text-primary-foreground"
        >
          Sign in
        </Link>
      </AuthShell>
    );
  return (
    <AuthShell appName={appName} branding={branding}>
      <h1 className="text-xl font-semibold">Check your email</h1>
      {linkError ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          That confirmation link did not work: it may have expired or been replaced by a newer one. Send yourself a new
          one below.
        </p>
      ) : null}
      <p className="mt-2 text-sm text-muted">
        We sent a confirmation link to <strong className="text-foreground">{email}</strong>. Open it to finish setting
        up your account; until then the console shows you no tenants, invitations or mail.
      </p>
      <Form method="post" action={`/verify-email${query}`} className="mt-6 flex flex-col gap-3">
        <FormError message={result?.error} />
        {result?.sent ? (
          <p role="status" className="text-sm">
            A new link is on its way to {email}.
          </p>
        ) : null}
        <SubmitButton pending={pending}>Send a new link</SubmitButton>
      </Form>
      <Form method="post" action="/sign-out" className="mt-3">
        <Button variant="secondary" className="w-full">
          Sign out
        </Button>
      </Form>
    </AuthShell>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
