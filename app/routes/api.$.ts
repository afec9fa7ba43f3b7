import { jsonError } from "~/http/responses.server";

/**
 * Any /api/… path no other route claims. It is a resource route (no component), so the
 * 404 reaches the client as JSON; the root splat route would render an HTML error page.
 */
export const loader = () => jsonError(404, "not_found", "No such endpoint.");
export const action = loader;
