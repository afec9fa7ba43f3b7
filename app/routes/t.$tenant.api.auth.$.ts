import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { tenantAuthApiResponse } from "~/http/tenant-auth-api.server";

/**
 * better-auth's endpoints for one tenant: /t/:tenant/api/auth/sign-in/email, get-session, …
 * reachable from the tenant's trusted origins by the widgets (CORS, app/widgets-server).
 * server.ts answers its GET, OPTIONS and POST requests before Remix (app/http/front.server.ts);
 * this route answers what reaches Remix all the same (other methods, development through Vite).
 */
export const loader = ({ request, params }: LoaderFunctionArgs) => tenantAuthApiResponse(request, params.tenant);
export const action = ({ request, params }: ActionFunctionArgs) => tenantAuthApiResponse(request, params.tenant);
