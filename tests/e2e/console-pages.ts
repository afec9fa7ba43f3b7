/**
 * Every page of the admin console (and the docs it links to), in one list: the layout sweep
 * (console-layout-sweep.test.ts) visits each at desktop and phone widths, and the screenshot
 * script (scripts/console-screenshots.ts) photographs them for docs/console.md.
 *
 * A new route file under app/routes/admin.* or docs.* must be added here (as a page, or as a
 * route that renders no page of its own), or the sweep fails: no console page escapes it.
 */

/** The ids of the rows a tenant's per-item pages need. */
export type SampleIds = { slug: string; userId: string; orgId: string; clientId: string };

export type ConsolePage = {
  /** The route module under app/routes/ that renders it. */
  route: string;
  /** A short name, also the screenshot's file name. */
  name: string;
  path: (ids: SampleIds) => string;
  /** The status the page answers with (200 unless said). */
  status?: number;
};

export const CONSOLE_PAGES: ConsolePage[] = [
  { route: "admin._index.tsx", name: "tenants", path: () => "/admin" },
  { route: "admin.outbox.tsx", name: "platform-outbox", path: () => "/admin/outbox" },
  { route: "admin.$tenant._index.tsx", name: "overview", path: ({ slug }) => `/admin/${slug}` },
  { route: "admin.$tenant.users.tsx", name: "users", path: ({ slug }) => `/admin/${slug}/users` },
  {
    route: "admin.$tenant.users_.$userId.tsx",
    name: "user",
    path: ({ slug, userId }) => `/admin/${slug}/users/${userId}`,
  },
  {
    route: "admin.$tenant.organizations.tsx",
    name: "organizations",
    path: ({ slug }) => `/admin/${slug}/organizations`,
  },
  {
    route: "admin.$tenant.organizations_.$orgId.tsx",
    name: "organization",
    path: ({ slug, orgId }) => `/admin/${slug}/organizations/${orgId}`,
  },
  {
    route: "admin.$tenant.organizations_.$orgId_.members.tsx",
    name: "organization-members",
    path: ({ slug, orgId }) => `/admin/${slug}/organizations/${orgId}/members`,
  },
  {
    route: "admin.$tenant.organizations_.$orgId_.invitations.tsx",
    name: "organization-invitations",
    path: ({ slug, orgId }) => `/admin/${slug}/organizations/${orgId}/invitations`,
  },
  {
    route: "admin.$tenant.organizations_.$orgId_.roles.tsx",
    name: "organization-roles",
    path: ({ slug, orgId }) => `/admin/${slug}/organizations/${orgId}/roles`,
  },
  {
    route: "admin.$tenant.organizations_.$orgId_.teams.tsx",
    name: "organization-teams",
    path: ({ slug, orgId }) => `/admin/${slug}/organizations/${orgId}/teams`,
  },
  {
    route: "admin.$tenant.organizations_.$orgId_.sso.tsx",
    name: "organization-sso",
    path: ({ slug, orgId }) => `/admin/${slug}/organizations/${orgId}/sso`,
  },
  { route: "admin.$tenant.members.tsx", name: "members", path: ({ slug }) => `/admin/${slug}/members` },
  {
    route: "admin.$tenant.auth-methods.tsx",
    name: "auth-methods",
    path: ({ slug }) => `/admin/${slug}/auth-methods`,
  },
  { route: "admin.$tenant.branding.tsx", name: "branding", path: ({ slug }) => `/admin/${slug}/branding` },
  {
    route: "admin_.$tenant.branding.preview.tsx",
    name: "branding-preview",
    path: ({ slug }) => `/admin/${slug}/branding/preview`,
  },
  { route: "admin.$tenant.emails.tsx", name: "emails", path: ({ slug }) => `/admin/${slug}/emails` },
  { route: "admin.$tenant.sms.tsx", name: "sms", path: ({ slug }) => `/admin/${slug}/sms` },
  { route: "admin.$tenant.outbox.tsx", name: "outbox", path: ({ slug }) => `/admin/${slug}/outbox` },
  { route: "admin.$tenant.webhooks.tsx", name: "webhooks", path: ({ slug }) => `/admin/${slug}/webhooks` },
  { route: "admin.$tenant.api-keys.tsx", name: "api-keys", path: ({ slug }) => `/admin/${slug}/api-keys` },
  {
    route: "admin.$tenant.oauth-clients.tsx",
    name: "oauth-clients",
    path: ({ slug }) => `/admin/${slug}/oauth-clients`,
  },
  {
    route: "admin.$tenant.oauth-clients_.$clientId.tsx",
    name: "oauth-client",
    path: ({ slug, clientId }) => `/admin/${slug}/oauth-clients/${encodeURIComponent(clientId)}`,
  },
  {
    route: "admin.$tenant.forward-auth.tsx",
    name: "forward-auth",
    path: ({ slug }) => `/admin/${slug}/forward-auth`,
  },
  { route: "admin.$tenant.audit.tsx", name: "audit", path: ({ slug }) => `/admin/${slug}/audit` },
  { route: "admin.$tenant.domains.tsx", name: "domains", path: ({ slug }) => `/admin/${slug}/domains` },
  {
    route: "admin.$tenant.environments.tsx",
    name: "environments",
    path: ({ slug }) => `/admin/${slug}/environments`,
  },
  { route: "admin.$tenant.database.tsx", name: "database", path: ({ slug }) => `/admin/${slug}/database` },
  { route: "admin.$tenant.settings.tsx", name: "settings", path: ({ slug }) => `/admin/${slug}/settings` },
  { route: "admin.$tenant.danger.tsx", name: "danger", path: ({ slug }) => `/admin/${slug}/danger` },
  {
    route: "admin.$tenant.$.tsx",
    name: "not-found",
    path: ({ slug }) => `/admin/${slug}/no-such-section`,
    status: 404,
  },
  { route: "docs._index.tsx", name: "docs", path: () => "/docs" },
  { route: "docs.$.tsx", name: "docs-console", path: () => "/docs/console" },
  { route: "docs.api.tsx", name: "docs-api", path: () => "/docs/api" },
];

/** Route files under admin.* and docs.* that render no page of their own, and why. */
export const NOT_PAGES: Record<string, string> = {
  "admin.tsx": "the console's layout: every console page above renders inside it",
  "admin.$tenant.tsx": "a tenant's layout (navigation): every tenant page above renders inside it",
  "admin.$tenant.audit[.]csv.ts": "a CSV download",
  "admin.$tenant.users_.$userId_.export.ts": "a JSON download of a user's data",
};
