import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getSignedInUser } from "~/auth/hosted-forms.server";
import { requireTenant } from "~/tenancy/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  const signedIn = await getSignedInUser(live, request);
  return redirect(`${live.basePath}/${signedIn ? "account" : "sign-in"}`);
}
