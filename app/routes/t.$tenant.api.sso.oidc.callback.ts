import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getPortico } from "~/context.server";
import { acceptOidcCallback } from "~/sso/oidc.server";
import { finishSsoSignIn } from "~/sso/sign-in.server";
import { requireTenant } from "~/tenancy/request.server";

/** Where an organization's OpenID Connect provider sends the browser back; the state names the sign-in. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  const state = new URL(request.url).searchParams.get("state") ?? "";
  const connection = state ? await getPortico().sso.connectionOfLogin(live.tenant.id, state) : null;
  if (connection?.protocol !== "oidc") return redirect(`${live.basePath}/sign-in/error?error=oidc_state`);
  return finishSsoSignIn(live, request, connection, await acceptOidcCallback(live.tenant.slug, connection, request));
}
