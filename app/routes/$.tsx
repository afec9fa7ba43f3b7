import { GeneralErrorBoundary } from "~/components/error-boundary";

/** Any page path no route claims (API paths have their own JSON 404 in api.$.ts). */
export async function loader() {
  throw new Response("There is nothing at this address.", { status: 404 });
}

export const action = loader;

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
