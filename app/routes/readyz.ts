import { getPortico } from "~/context.server";
import { checkReadiness } from "~/ops/readiness.server";

const headers = { "Cache-Control": "no-store" };

/** 200 when this instance should get traffic; 503 naming the failing check otherwise. */
export async function loader() {
  const { storage, rateLimits } = getPortico();
  const readiness = await checkReadiness(storage, rateLimits);
  if (readiness.ready) return Response.json({ status: "ok", checks: readiness.checks }, { headers });
  return Response.json(
    { status: "error", failing: readiness.failing, message: readiness.message },
    { status: 503, headers },
  );
}
