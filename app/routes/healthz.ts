import { getPortico } from "~/context.server";
import { errorField, log } from "~/ops/log.server";

/** 200 when the control database answers; 503 naming the failing part otherwise. */
export async function loader() {
  try {
    await getPortico().storage.ping();
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    log.error({ err: errorField(error) }, "Health check failed");
    return Response.json(
      { status: "error", failing: "control_database", message: "The control database does not answer." },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
