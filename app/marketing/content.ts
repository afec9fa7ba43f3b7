/**
 * The landing page's copy. `{name}` is the deployment's product name (APP_NAME), so a company
 * running Portico under its own name presents it as its own product.
 */
export const HERO = {
  title: "Sign-in for every app you run, on servers you own.",
  lead: "{name} gives each of your apps branded sign-in pages, embeddable widgets, JWTs and webhooks, from one self-hosted deployment with a database per tenant.",
};

export const FEATURES = [
  {
    id: "hosted-pages",
    title: "Hosted pages",
    text: "Sign-in, sign-up, password reset and account pages per tenant, server-rendered and usable without JavaScript, in English and German.",
  },
  {
    id: "widgets",
    title: "Widgets",
    text: "Drop <auth-login>, <auth-user-button> and <auth-user-profile> into any site with one script tag. They emit events with a signed JWT.",
  },
  {
    id: "branding",
    title: "Branding",
    text: "Colors, logo, fonts, layout, copy and custom CSS per tenant, with a live preview, versions and rollback. No trace of {name} unless you want it.",
  },
  {
    id: "methods",
    title: "Sign-in methods",
    text: "Email and password, usernames, magic links, email codes, passkeys, two-factor authentication, social and OpenID Connect providers, phone numbers.",
  },
  {
    id: "api",
    title: "Webhooks and API",
    text: "Signed webhooks (Standard Webhooks) with retries and replay, a management API with scoped keys, and JWTs your services verify against a JWKS.",
  },
  {
    id: "tenants",
    title: "Multi-tenancy",
    text: "One deployment, many tenants: each app or environment gets its own database, auth instance, settings, members and custom domain.",
  },
  {
    id: "self-hosting",
    title: "Self-hosting",
    text: "One Node process. SQLite by default, PostgreSQL when you grow. Your users' data never leaves your infrastructure.",
  },
] as const;

export const STEPS = [
  { title: "Start it", text: "Run npm install and npm start, or deploy it behind your reverse proxy." },
  { title: "Create a tenant", text: "One per app or environment, from the console or the CLI." },
  { title: "Embed it", text: "Two lines on your page, or link to the hosted pages on your own domain." },
] as const;

type Cell = { value: string; good?: boolean };

/**
 * Facts from the vendors' public documentation and pricing pages (2025); each hosted
 * service's terms change, so the table says what kind of offer each one is.
 */
export const COMPARISON: { rows: { label: string; cells: [Cell, Cell, Cell] }[]; columns: [string, string, string] } = {
  columns: ["{name}", "Clerk", "Auth0"],
  rows: [
    {
      label: "Self-hosted",
      cells: [
        { value: "Yes: your servers, your database", good: true },
        { value: "No, cloud service only" },
        { value: "No; dedicated Private Cloud is run by Okta" },
      ],
    },
    {
      label: "Per-user pricing",
      cells: [
        { value: "None: open source (MIT), pay for your servers", good: true },
        { value: "Yes, per monthly active user above the free tier" },
        { value: "Yes, per monthly active user" },
      ],
    },
    {
      label: "Data location",
      cells: [
        { value: "Wherever you run it", good: true },
        { value: "The vendor's cloud" },
        { value: "A vendor region you pick (e.g. US, EU, AU)" },
      ],
    },
    {
      label: "White-labeling",
      cells: [
        { value: "Everything: pages, emails, widgets, console, domain", good: true },
        { value: "Themes and custom domain; branding removal on paid plans" },
        { value: "Customizable login pages and custom domains" },
      ],
    },
  ],
};

export const FAQ = [
  {
    question: "What does {name} cost?",
    answer:
      "The software is open source under the MIT license. You pay for the servers you run it on; there is no per-user fee.",
  },
  {
    question: "Which databases does it need?",
    answer:
      "None to start: SQLite files in the data directory. Set DATABASE_URL to use PostgreSQL, with one schema per tenant. Redis is not needed.",
  },
  {
    question: "Can my customers see that it is {name}?",
    answer:
      "Only if you want them to. Tenants brand their pages, emails and widgets with their own theme and domain, and the deployment itself takes its name, logo and links from APP_* variables.",
  },
  {
    question: "How do my services trust a signed-in user?",
    answer:
      "Widgets and the API hand out JWTs signed with the tenant's keys. Your services verify them against the tenant's JWKS URL with any JWT library.",
  },
  {
    question: "Can I move users from another system?",
    answer:
      "Yes. The management API imports users with their existing password hashes (bcrypt, scrypt, argon2), so nobody has to reset a password.",
  },
  {
    question: "Is it production-ready?",
    answer:
      "It runs with a required deployment secret, encrypted tenant secrets, rate limits, origin checks and an audit log. Read the self-hosting guide for backups and reverse proxies.",
  },
] as const;

export function withName(text: string, name: string): string {
  return text.replaceAll("{name}", name);
}
