import type { LoaderFunctionArgs } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { isApiRequest, jsonError } from "~/http/responses.server";

/** Any path no route claims: a JSON 404 for API paths, a page for people. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (isApiRequest(request)) throw jsonError(404, "not_found", "No such endpoint.");
  throw new Response("There is nothing at this address.", { status: 404 });
}

export const action = loader;

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
