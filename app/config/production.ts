/**
 * Whether this is a production deployment: PORTICO_ENV decides when set, otherwise
 * NODE_ENV=production or an https PUBLIC_URL. (Its own module so the logger can use it without
 * importing the environment parser, which logs.)
 */
export function isProductionEnv(source: NodeJS.ProcessEnv): boolean {
  if (source.PORTICO_ENV) return source.PORTICO_ENV === "production";
  return source.NODE_ENV === "production" || (source.PUBLIC_URL ?? "").startsWith("https://");
}
