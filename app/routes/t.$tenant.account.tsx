import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { SubmitButton } from "~/components/form-field";
import { cookiesForHost, getSignedInUser, isTrustedFormPost, signOut } from "~/auth/hosted-forms.server";
import { redirectWithToast } from "~/http/toast.server";
import { requireTenant } from "~/tenancy/request.server";
import { describeImpersonation, endImpersonation } from "~/users/impersonation.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  const signedIn = await getSignedInUser(live, request);
  if (!signedIn) {
    const here = new URL(request.url);
    throw redirect(
      `${live.basePath}/sign-in?redirectTo=${encodeURIComponent(`${live.basePath}/account${here.search}`)}`,
    );
  }
  const { user, session } = signedIn;
  return {
    basePath: live.basePath,
    user: { name: user.name, email: user.email, createdAt: user.createdAt.toISOString() },
    session: { expiresAt: session.expiresAt.toISOString() },
    impersonation: describeImpersonation(session),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  const intent = (await request.formData()).get("intent");
  const headers = new Headers();
  if (intent === "sign-out") {
    for (const cookie of cookiesForHost(await signOut(live, request), live)) headers.append("Set-Cookie", cookie);
    return redirect(`${live.basePath}/sign-in`, { headers });
  }
  if (intent !== "end-impersonation") throw new Response("Unknown action.", { status: 400 });
  const ended = await endImpersonation(live, request);
  if (!ended) return redirect(`${live.basePath}/account`);
  for (const cookie of cookiesForHost(ended.setCookies, live)) headers.append("Set-Cookie", cookie);
  if (live.hostMode) return redirect(`${live.basePath}/sign-in`, { headers });
  // Back to the console the administrator came from (impersonation starts on the shared host).
  return redirectWithToast(
    `/admin/${live.tenant.slug}/users/${ended.userId}`,
    { type: "success", message: "Impersonation ended." },
    { headers },
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const tenant = (matches.find((m) => m.id === "routes/t.$tenant")?.data as { tenant?: { name: string } } | undefined)
    ?.tenant;
  return [{ title: `Your account – ${tenant?.name ?? ""}` }];
};

export default function Account() {
  const { basePath, user, impersonation } = useLoaderData<typeof loader>();
  return (
    <>
      {impersonation ? (
        <div role="status" className="mb-6 rounded-theme border border-danger px-3 py-3 text-sm">
          <p className="font-semibold text-danger">You are signed in as {user.email} by an administrator.</p>
          <p className="mt-1 text-muted">This impersonation session ends at {impersonation.until} at the latest.</p>
          <Form method="post" action={`${basePath}/account`} className="mt-3 flex flex-col">
            <input type="hidden" name="intent" value="end-impersonation" />
            <SubmitButton pending={false}>End impersonation</SubmitButton>
          </Form>
        </div>
      ) : null}
      <h1 className="text-xl font-semibold">Your account</h1>
      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-muted">Name</dt>
        <dd data-testid="account-name">{user.name}</dd>
        <dt className="text-muted">Email</dt>
        <dd data-testid="account-email">{user.email}</dd>
        <dt className="text-muted">Member since</dt>
        <dd>{new Date(user.createdAt).toLocaleDateString("en", { dateStyle: "medium" })}</dd>
      </dl>
      <Form method="post" action={`${basePath}/account`} className="mt-8 flex flex-col">
        <input type="hidden" name="intent" value="sign-out" />
        <SubmitButton pending={false}>Sign out</SubmitButton>
      </Form>
    </>
  );
}
