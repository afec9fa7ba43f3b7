import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireTenantRole } from "~/admin/access.server";
import { ConsoleNotFound } from "~/admin/console-not-found";
import { Badge } from "~/components/ui/layout";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, role } = await requireTenantRole(request, params.tenant, "viewer");
  return {
    tenant: { name: tenant.name, slug: tenant.slug, status: tenant.status, environment: tenant.environment },
    role,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.tenant.name ?? "Tenant"} – Console` },
];

const SECTIONS = [
  { to: "", label: "Overview" },
  { to: "users", label: "Users" },
  { to: "organizations", label: "Organizations" },
  { to: "auth-methods", label: "Auth methods" },
  { to: "branding", label: "Branding" },
  { to: "settings", label: "Settings" },
  { to: "domains", label: "Domains" },
  { to: "forward-auth", label: "Forward auth" },
  { to: "members", label: "Members" },
  { to: "database", label: "Database" },
  { to: "api-keys", label: "API keys" },
  { to: "oauth-clients", label: "Applications" },
  { to: "audit", label: "Audit log" },
  { to: "environments", label: "Environments" },
  { to: "webhooks", label: "Webhooks" },
  { to: "emails", label: "Emails" },
  { to: "outbox", label: "Outbox" },
  { to: "sms", label: "Text messages" },
  { to: "danger", label: "Danger zone" },
];

/** One tenant's console: section navigation (a sidebar, a scrolling strip on a phone). */
export default function TenantConsole() {
  const { tenant, role } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 md:flex-row">
      <nav aria-label="Tenant sections" className="md:w-56 md:shrink-0">
        <div className="mb-4">
          <p className="font-semibold" data-testid="console-tenant-name">
            {tenant.name}
          </p>
          <p className="mt-1 flex flex-wrap gap-1.5 text-xs text-muted">
            <Badge>{tenant.environment}</Badge>
            <Badge tone={tenant.status === "active" ? "success" : "danger"}>{tenant.status}</Badge>
            <Badge>{role}</Badge>
          </p>
        </div>
        <ul className="flex gap-1 overflow-x-auto md:flex-col">
          {SECTIONS.map((section) => (
            <li key={section.label}>
              <NavLink
                to={`/admin/${tenant.slug}${section.to ? `/${section.to}` : ""}`}
                end={section.to === ""}
                className={({ isActive }) =>
                  `block rounded-theme px-3 py-2 text-sm whitespace-nowrap ${isActive ? "bg-primary text-primary-foreground" : "hover:bg-card"}`
                }
              >
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main className="min-w-0 flex-1">
        <Outlet />
      </main>
    </div>
  );
}

export function ErrorBoundary() {
  // An unknown tenant (or one this account has no access to) inside the console's frame.
  return <ConsoleNotFound tenantKnown={false} />;
}
