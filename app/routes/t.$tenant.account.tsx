import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { SubmitButton } from "~/components/form-field";
import { cookiesForHost, getSignedInUser, isTrustedFormPost, signOut } from "~/auth/hosted-forms.server";
import { requireTenant } from "~/tenancy/request.server";

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
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  const headers = new Headers();
  for (const cookie of cookiesForHost(await signOut(live, request), live)) headers.append("Set-Cookie", cookie);
  return redirect(`${live.basePath}/sign-in`, { headers });
}

export const meta: MetaFunction = ({ matches }) => {
  const tenant = (matches.find((m) => m.id === "routes/t.$tenant")?.data as { tenant?: { name: string } } | undefined)
    ?.tenant;
  return [{ title: `Your account – ${tenant?.name ?? ""}` }];
};

export default function Account() {
  const { basePath, user } = useLoaderData<typeof loader>();
  return (
    <>
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
        <SubmitButton pending={false}>Sign out</SubmitButton>
      </Form>
    </>
  );
}
