import { existsSync } from "node:fs";
import path from "node:path";
import { getPortico } from "~/context.server";

/** The tenant the landing page's live demo signs people up to (created on first start). */
export const DEMO_TENANT = "demo";

/**
 * What the landing page's demo can offer: the `<auth-login>` widget when the widget bundle was
 * built (`npm run build` puts it in <build>/widgets), else links to the demo tenant's hosted
 * pages; nothing when the deployment has no active demo tenant.
 */
export async function liveDemoState(): Promise<{ tenant: string; widget: boolean } | null> {
  const tenant = await getPortico().registry.lookup({ slug: DEMO_TENANT });
  if (!tenant || tenant.status !== "active") return null;
  const buildDir = path.resolve(process.env.PORTICO_BUILD_DIR ?? "build");
  return { tenant: DEMO_TENANT, widget: existsSync(path.join(buildDir, "widgets", "portico.js")) };
}
