import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleManagementApi } from "~/management-api/handler.server";
import { openApiResponse } from "~/management-api/openapi.server";

/** The management API (docs/api.md); `openapi.json` is public, everything else needs a key. */
export function loader({ request }: LoaderFunctionArgs) {
  if (new URL(request.url).pathname === "/api/v1/openapi.json") return openApiResponse();
  return handleManagementApi(request);
}

export function action({ request }: ActionFunctionArgs) {
  return handleManagementApi(request);
}
