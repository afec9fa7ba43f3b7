import { ConsoleNotFound } from "~/admin/console-not-found";

/**
 * Any /admin/<tenant>/… address no console page claims: a 404 rendered inside the console's
 * layout (the tenant's navigation stays), not the site's bare not-found page.
 */
export async function loader() {
  throw new Response("This console page does not exist.", { status: 404 });
}

export const action = loader;

export default function ConsolePageNotFound() {
  return null;
}

export function ErrorBoundary() {
  return <ConsoleNotFound tenantKnown />;
}
