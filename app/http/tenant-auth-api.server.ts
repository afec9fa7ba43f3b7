import { forwardToTenantAuth } from "~/auth/auth-api.server";
import { answerGetSession } from "~/sessions/get-session-answers.server";
import { requireTenant } from "~/tenancy/request.server";
import { widgetAuthApi } from "~/widgets-server/auth-api.server";

/**
 * better-auth's endpoints for one tenant (/t/<slug>/api/auth/…): the tenant looked up (404 or
 * 503 as JSON when it cannot serve), the widgets' CORS and second-factor headers, then the
 * tenant's handler. The Remix route and server.ts's fast path (app/http/front.server.ts) both
 * answer through here, so the two cannot drift apart.
 */
export async function tenantAuthApiResponse(request: Request, slug: string | undefined): Promise<Response> {
  try {
    const live = await requireTenant(request, slug);
    // get-session again within a second: the answer just given (app/sessions, decision 0017).
    return await answerGetSession(live, request, () =>
      widgetAuthApi(live, request, (forwarded) => forwardToTenantAuth(live, forwarded)),
    );
  } catch (error) {
    // requireTenant answers an unknown or unavailable tenant by throwing its Response.
    if (error instanceof Response) return error;
    throw error;
  }
}
