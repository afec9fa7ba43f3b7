import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useRequestId } from "~/http/request-id";

const TITLES: Record<number, string> = {
  400: "That request did not look right",
  403: "You cannot do that here",
  404: "We could not find that page",
  405: "That action is not allowed here",
  413: "That was too large",
  429: "Too many attempts",
  503: "Temporarily unavailable",
};

/** Renders any thrown Response (404, 503…) as a page a person can act on; never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const requestId = useRequestId();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const detail =
    isRouteErrorResponse(error) && typeof error.data === "string" && error.data
      ? error.data
      : status === 500
        ? "Something went wrong on our side. Please try again in a moment."
        : "Check the address, or go back and try again.";
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center p-6">
      <p className="text-sm font-semibold text-muted">Error {status}</p>
      <h1 className="mt-2 text-2xl font-bold">{TITLES[status] ?? "Something went wrong"}</h1>
      <p className="mt-3 text-muted">{detail}</p>
      {requestId ? <p className="mt-6 font-mono text-xs text-muted">Reference: {requestId}</p> : null}
    </main>
  );
}
