import { Link, NavLink } from "@remix-run/react";
import { PageHeader } from "~/components/ui/layout";

/**
 * The tabs of an organization's console pages, in order. A new page of the organization adds
 * one line here (path under /admin/<slug>/organizations/<id>, "" for the SCIM page).
 */
export const ORGANIZATION_TABS = [
  { to: "members", label: "Members" },
  { to: "invitations", label: "Invitations" },
  { to: "roles", label: "Roles" },
  { to: "teams", label: "Teams" },
  { to: "sso", label: "Single sign-on" },
  { to: "", label: "SCIM" },
] as const;

/** The organization's name, a way back to the list, and its tabs. */
export function ConsoleOrganizationHeader({
  slug,
  organization,
}: {
  slug: string;
  organization: { id: string; name: string; slug: string };
}) {
  const base = `/admin/${slug}/organizations/${organization.id}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`/admin/${slug}/organizations`} className="underline">
          Organizations
        </Link>
      </p>
      <PageHeader title={organization.name} description={`Slug ${organization.slug} · id ${organization.id}`} />
      <nav aria-label="Organization sections" className="-mt-2 mb-6">
        <ul className="flex gap-1 overflow-x-auto border-b border-border">
          {ORGANIZATION_TABS.map((tab) => (
            <li key={tab.label}>
              <NavLink
                to={tab.to ? `${base}/${tab.to}` : base}
                end
                className={({ isActive }) =>
                  `block border-b-2 px-3 py-2 text-sm whitespace-nowrap ${isActive ? "border-primary font-semibold" : "border-transparent hover:border-border"}`
                }
              >
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

/** A tab's explanation of what must be switched on first, with the way to Auth methods. */
export function NeedsAuthMethodNote({ slug, what }: { slug: string; what: string }) {
  return (
    <p role="note" className="mb-6 rounded-theme border border-border p-3 text-sm">
      {what} Switch it on in{" "}
      <Link to={`/admin/${slug}/auth-methods`} className="underline">
        Auth methods
      </Link>
      .
    </p>
  );
}
