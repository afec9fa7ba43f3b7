import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { changePasskey, passkeysEnabled } from "~/auth-methods/passkeys/passkeys.server";
import { getSignedInUser, isTrustedFormPost } from "~/auth/hosted-forms.server";
import { requireTenant } from "~/tenancy/request.server";
import { readForm } from "~/http/read-form.server";

/** Rename and delete passkeys from the account page's forms (they work without JavaScript). */
export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  if (!passkeysEnabled(live)) throw new Response("Passkeys are not available here.", { status: 404 });
  if (!(await getSignedInUser(live, request))) throw redirect(`${live.basePath}/sign-in`);
  const outcome = await changePasskey(live, request, await readForm(request));
  return redirect(`${live.basePath}/account?passkey=${outcome}#passkeys`);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  return redirect(`${live.basePath}/account`);
}
