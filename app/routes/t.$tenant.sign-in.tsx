import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, FormField, SubmitButton } from "~/components/form-field";
import { cookiesForHost, getSignedInUser, isTrustedFormPost, signInWithPassword } from "~/auth/hosted-forms.server";
import { afterSignInTarget, redirectParam } from "~/auth/hosted-pages.server";
import { requireTenant } from "~/tenancy/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (await getSignedInUser(live, request)) throw redirect(afterSignInTarget(request, live));
  const passwordChanged = new URL(request.url).searchParams.get("reset") === "done";
  return { basePath: live.basePath, redirectTo: redirectParam(request, live), passwordChanged };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  const result = await signInWithPassword(live, request, await request.formData());
  if (!result.ok) return data(result, { status: result.status });
  const headers = new Headers();
  for (const cookie of cookiesForHost(result.setCookies, live)) headers.append("Set-Cookie", cookie);
  return redirect(afterSignInTarget(request, live), { headers });
}

export const meta: MetaFunction = ({ matches }) => {
  const tenant = (matches.find((m) => m.id === "routes/t.$tenant")?.data as { tenant?: { name: string } } | undefined)
    ?.tenant;
  return [{ title: `Sign in – ${tenant?.name ?? ""}` }];
};

export default function SignIn() {
  const { basePath, redirectTo, passwordChanged } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors = result && !result.ok ? result.errors : {};
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  return (
    <>
      <h1 className="text-xl font-semibold">Sign in</h1>
      <p className="mt-1 text-sm text-muted">Welcome back. Sign in to continue.</p>
      {passwordChanged ? (
        <p role="status" className="mt-4 rounded-theme border border-border px-3 py-2 text-sm">
          Your password was changed. Sign in with your new password.
        </p>
      ) : null}
      {/* An explicit action: on a custom domain Remix would otherwise post to /t/<slug>/sign-in. */}
      <Form method="post" action={`${basePath}/sign-in${query}`} className="mt-6 flex flex-col gap-4" noValidate>
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
        <Link
          to={`${basePath}/forgot-password`}
          className="-mt-2 self-end text-sm text-primary underline-offset-4 hover:underline"
        >
          Forgot password?
        </Link>
        <SubmitButton pending={pending}>Sign in</SubmitButton>
      </Form>
      <p className="mt-6 text-center text-sm text-muted">
        No account yet?{" "}
        <Link
          to={`${basePath}/sign-up${query}`}
          className="font-medium text-primary underline-offset-4 hover:underline"
        >
          Sign up
        </Link>
      </p>
    </>
  );
}
