import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, FormField, SubmitButton } from "~/components/form-field";
import { cookiesForHost, getSignedInUser, isTrustedFormPost, signUpWithPassword } from "~/auth/hosted-forms.server";
import { afterSignInTarget, redirectParam } from "~/auth/hosted-pages.server";
import { requireTenant } from "~/tenancy/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (await getSignedInUser(live, request)) throw redirect(afterSignInTarget(request, live));
  const { minPasswordLength } = live.tenant.config.authMethods.emailPassword;
  return { basePath: live.basePath, redirectTo: redirectParam(request, live), minPasswordLength };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  const result = await signUpWithPassword(live, request, await request.formData());
  if (!result.ok) return data(result, { status: result.status });
  const headers = new Headers();
  for (const cookie of cookiesForHost(result.setCookies, live)) headers.append("Set-Cookie", cookie);
  return redirect(afterSignInTarget(request, live), { headers });
}

export const meta: MetaFunction = ({ matches }) => {
  const tenant = (matches.find((m) => m.id === "routes/t.$tenant")?.data as { tenant?: { name: string } } | undefined)
    ?.tenant;
  return [{ title: `Create your account – ${tenant?.name ?? ""}` }];
};

export default function SignUp() {
  const { basePath, redirectTo, minPasswordLength } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? result.values : {};
  const firstInvalid = (["name", "email", "password"] as const).find((field) => errors[field]);
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  return (
    <>
      <h1 className="text-xl font-semibold">Create your account</h1>
      <p className="mt-1 text-sm text-muted">It takes less than a minute.</p>
      {/* An explicit action: on a custom domain Remix would otherwise post to /t/<slug>/sign-up. */}
      <Form method="post" action={`${basePath}/sign-up${query}`} className="mt-6 flex flex-col gap-4" noValidate>
        <FormError message={errors.form} />
        <FormField
          label="Name"
          name="name"
          autoComplete="name"
          required
          defaultValue={values.name}
          error={errors.name}
          autoFocus={!firstInvalid || firstInvalid === "name"}
        />
        <FormField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={values.email}
          error={errors.email}
          autoFocus={firstInvalid === "email"}
        />
        <FormField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={minPasswordLength}
          hint={`At least ${minPasswordLength} characters.`}
          error={errors.password}
          autoFocus={firstInvalid === "password"}
        />
        <SubmitButton pending={pending}>Create account</SubmitButton>
      </Form>
      <p className="mt-6 text-center text-sm text-muted">
        Already have an account?{" "}
        <Link
          to={`${basePath}/sign-in${query}`}
          className="font-medium text-primary underline-offset-4 hover:underline"
        >
          Sign in
        </Link>
      </p>
    </>
  );
}
