import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleScim } from "~/scim/handler.server";

/** SCIM 2.0 provisioning of the tenant's organizations (app/scim, docs/enterprise-sso.md). */
export function loader({ request, params }: LoaderFunctionArgs) {
  return handleScim(request, params.tenant ?? "", params["*"] ?? "");
}

export function action({ request, params }: ActionFunctionArgs) {
  return handleScim(request, params.tenant ?? "", params["*"] ?? "");
}
