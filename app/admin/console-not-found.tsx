import { isRouteErrorResponse, Link, useParams, useRouteError } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";

/**
 * The console's own "not found", rendered inside the console's layout (navigation stays), with
 * a way back: to the tenant's overview when the tenant is known, else to the tenant list.
 * Other errors fall back to the general error page.
 */
export function ConsoleNotFound({ tenantKnown }: { tenantKnown: boolean }) {
  const error = useRouteError();
  const { tenant } = useParams();
  if (!isRouteErrorResponse(error) || error.status !== 404) return <GeneralErrorBoundary />;
  const back = tenantKnown && tenant ? { to: `/admin/${tenant}`, label: "Back to the tenant's overview" } : null;
  return (
    <section aria-labelledby="console-not-found" className="rounded-theme border border-border bg-card p-6">
      <p className="text-sm font-semibold text-muted">Error 404</p>
      <h1 id="console-not-found" className="mt-2 text-2xl font-bold">
        This console page does not exist
      </h1>
      <p className="mt-3 text-muted">
        {tenantKnown
          ? "Check the address, or pick a section from the navigation."
          : typeof error.data === "string" && error.data
            ? error.data
            : "There is no tenant at this address that you can manage."}
      </p>
      <p className="mt-6 flex flex-wrap gap-4">
        {back ? (
          <Link to={back.to} className="font-medium text-primary hover:underline">
            {back.label}
          </Link>
        ) : null}
        <Link to="/admin" className="font-medium text-primary hover:underline">
          All tenants
        </Link>
      </p>
    </section>
  );
}
