import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { isTrustedFormPost } from "~/auth/hosted-forms.server";
import { startSocialSignIn } from "~/auth-methods/social/hosted.server";
import { requireTenant } from "~/tenancy/request.server";

/** A provider button's form post: start the provider's sign-in and send the browser there. */
export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  return startSocialSignIn(live, request, params.provider);
}

/** Nothing to show here: a visit (a bookmarked or shared link) goes back to the sign-in page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  return redirect(`${live.basePath}/sign-in`);
}
