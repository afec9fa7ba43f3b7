import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, FormField, SubmitButton } from "~/components/form-field";
import { hostedSignUpAvailability, type SignUpAvailability } from "~/auth-methods/policies.server";
import { cookiesForHost, getSignedInUser, isTrustedFormPost, signUpWithPassword } from "~/auth/hosted-forms.server";
import { afterSignInTarget, redirectParam } from "~/auth/hosted-pages.server";
import { requireTenant } from "~/tenancy/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (await getSignedInUser(live, request)) throw redirect(afterSignInTarget(request, live));
  const { config } = live.tenant;
  const invitationId = new URL(request.url).searchParams.get("invitation");
  return {
    basePath: live.basePath,
    redirectTo: redirectParam(request, live),
    availability: await hostedSignUpAvailability(config, live.db, invitationId),
    minPasswordLength: config.authMethods.emailPassword.minPasswordLength,
    rejectCommonPasswords: config.passwordPolicy.rejectCommonPasswords,
  };
}

// better-auth refuses a sign-up that the tenant's mode does not allow, whatever the page shows.
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

const UNAVAILABLE: Record<Extract<SignUpAvailability, { open: false }>["reason"], { title: string; text: string }> = {
  closed: {
    title: "Sign-up is closed",
    text: "New accounts are created by an administrator. If you already have an account, sign in.",
  },
  "invite-only": {
    title: "Sign-up is by invitation only",
    text: "Open the link in your invitation email to create your account. If you already have an account, sign in.",
  },
  "no-password-sign-up": {
    title: "Sign-up is not available",
    text: "This app does not offer sign-up with an email address and password.",
  },
};

export default function SignUp() {
  const { basePath, redirectTo, availability, minPasswordLength, rejectCommonPasswords } =
    useLoaderData<typeof loader>();
  const query = new URLSearchParams();
  if (redirectTo) query.set("redirectTo", redirectTo);
  const signInLink = (
    <Link
      to={`${basePath}/sign-in${query.size ? `?${query}` : ""}`}
      className="font-medium text-primary underline-offset-4 hover:underline"
    >
      Sign in
    </Link>
  );
  if (!availability.open) {
    const { title, text } = UNAVAILABLE[availability.reason];
    return (
      <>
        <h1 className="text-xl font-semibold">{title}</h1>
        <p className="mt-2 text-sm text-muted">{text}</p>
        <p className="mt-6 text-center text-sm">{signInLink}</p>
      </>
    );
  }
  // The invitation goes along when the form is posted, so a refused attempt shows the form again.
  if (availability.invitation) query.set("invitation", availability.invitation.id);
  return (
    <>
      <h1 className="text-xl font-semibold">Create your account</h1>
      <p className="mt-1 text-sm text-muted">
        {availability.invitation
          ? `You were invited to ${availability.invitation.organization}.`
          : "It takes less than a minute."}
      </p>
      <SignUpForm
        postTo={`${basePath}/sign-up${query.size ? `?${query}` : ""}`}
        invitedEmail={availability.invitation?.email}
        passwordHint={`At least ${minPasswordLength} characters.${rejectCommonPasswords ? " Common passwords are not accepted." : ""}`}
        minPasswordLength={minPasswordLength}
      />
      <p className="mt-6 text-center text-sm text-muted">Already have an account? {signInLink}</p>
    </>
  );
}

function SignUpForm({
  postTo,
  invitedEmail,
  passwordHint,
  minPasswordLength,
}: {
  postTo: string;
  invitedEmail?: string;
  passwordHint: string;
  minPasswordLength: number;
}) {
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  const errors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? result.values : {};
  const firstInvalid = (["name", "email", "password"] as const).find((field) => errors[field]);
  return (
    // An explicit action: on a custom domain Remix would otherwise post to /t/<slug>/sign-up.
    <Form method="post" action={postTo} className="mt-6 flex flex-col gap-4" noValidate>
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
        defaultValue={values.email ?? invitedEmail}
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
        hint={passwordHint}
        error={errors.password}
        autoFocus={firstInvalid === "password"}
      />
      <SubmitButton pending={pending}>Create account</SubmitButton>
    </Form>
  );
}
