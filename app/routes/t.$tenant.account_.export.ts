import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadOwnData } from "~/privacy/hosted.server";
import { requireTenant } from "~/tenancy/request.server";

/** GET /t/:tenant/account/export: the signed-in user's data as a JSON download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return downloadOwnData(await requireTenant(request, params.tenant), request);
}
