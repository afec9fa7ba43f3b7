/**
 * The docs sidebar's order. A slug is a file under docs/ without `.md` ("decisions/0001-…" for
 * subfolders); entries whose file does not exist yet are left out, and files not listed here
 * appear under "More" (see compile.ts). `title` overrides the page's own first heading.
 */
export type DocsNavSection = { title: string; items: { slug: string; title?: string }[] };

export const DOCS_NAV: DocsNavSection[] = [
  {
    title: "Getting started",
    items: [
      { slug: "quickstart", title: "Quickstart" },
      { slug: "configuration", title: "Configuration" },
      { slug: "self-hosting", title: "Self-hosting" },
      { slug: "upgrading", title: "Upgrading" },
      { slug: "security", title: "Security" },
    ],
  },
  {
    title: "Concepts",
    items: [
      { slug: "architecture", title: "Architecture" },
      { slug: "tenants", title: "Tenants and environments" },
      { slug: "console", title: "Admin console" },
      { slug: "cli", title: "Tenant CLI" },
    ],
  },
  {
    title: "Sign-in",
    items: [
      { slug: "auth-methods", title: "Auth methods" },
      { slug: "social", title: "Social sign-in" },
      { slug: "passkeys", title: "Passkeys" },
      { slug: "two-factor", title: "Two-factor authentication" },
      { slug: "organizations", title: "Organizations" },
      { slug: "enterprise-sso", title: "Enterprise SSO and SCIM" },
      { slug: "emails", title: "Emails" },
      { slug: "sms", title: "SMS" },
    ],
  },
  {
    title: "Branding",
    items: [
      { slug: "theming", title: "Theming" },
      { slug: "widgets", title: "Widgets" },
    ],
  },
  {
    title: "Integrate",
    items: [
      { slug: "jwt", title: "Verifying JWTs" },
      { slug: "webhooks", title: "Webhooks" },
      { slug: "gateways", title: "Gateways (forward auth)" },
      { slug: "oidc-provider", title: "OpenID Connect provider" },
      { slug: "api", title: "Management API" },
      { slug: "migrating", title: "Migrating users" },
    ],
  },
];

/** Slugs served by a route of their own rather than a Markdown file: the API reference (routes/docs.api.tsx). */
export const ROUTED_DOCS = ["api"];
