import { AUTH_METHODS } from "~/auth-methods/catalog";
import { getPortico } from "~/context.server";
import { TenantConfigSchema, type TenantConfig } from "~/tenancy/config";
import { widgetSnippets } from "~/widgets-server/snippets";
import { adminActor, type ConsoleAccess } from "./access.server";

/**
 * The overview's getting-started checklist. Each step is ticked from the tenant's real state
 * (its config, themes, webhook endpoints, audit log), never from clicks on the checklist, so
 * doing a step through the API or the CLI ticks it as well (decision 0031).
 */
export const GETTING_STARTED_STEPS = ["trustedOrigin", "signInMethods", "brand", "testEmail", "webhook"] as const;
export type GettingStartedStep = (typeof GETTING_STARTED_STEPS)[number];

export type GettingStarted = {
  /** Where the tenant's users sign in, and what a customer pastes into their own page. */
  signInUrl: string;
  widgetScript: string;
  widgetElement: string;
  /** null once an administrator dismissed the checklist. */
  steps: { id: GettingStartedStep; done: boolean }[] | null;
};

type AuthMethods = TenantConfig["authMethods"];
type AuthMethodId = keyof AuthMethods;

/** The auth methods a tenant starts with: switching one of these is a choice someone made. */
const DEFAULT_AUTH_METHODS = TenantConfigSchema.parse({}).authMethods;

/**
 * Methods people sign in with. Organizations and tokens are left out: bearer tokens switch on
 * by themselves with the first trusted origin (decision 0021), which is not a choice of methods.
 */
const SIGN_IN_METHODS = (Object.keys(DEFAULT_AUTH_METHODS) as AuthMethodId[]).filter(
  (id) => !["Organizations", "Tokens & sessions"].includes(AUTH_METHODS[id].category),
);

function signInMethodsChosen(methods: AuthMethods): boolean {
  return SIGN_IN_METHODS.some((id) => methods[id].enabled !== DEFAULT_AUTH_METHODS[id].enabled);
}

export async function gettingStarted(access: ConsoleAccess): Promise<GettingStarted> {
  const { tenant } = access;
  const { env, storage } = getPortico();
  const origin = env.publicUrl.origin;
  const snippets = widgetSnippets(origin, tenant.slug);
  const links = {
    signInUrl: `${origin}/t/${tenant.slug}/sign-in`,
    widgetScript: snippets.module,
    widgetElement: snippets.login.snippet,
  };
  const db = await storage.control();
  const row = await db.tenant.findUnique({ where: { id: tenant.id }, select: { gettingStartedDismissedAt: true } });
  if (row?.gettingStartedDismissedAt) return { ...links, steps: null };
  const [themes, webhooks, testEmails] = await Promise.all([
    db.themeVersion.count({ where: { tenantId: tenant.id, status: { in: ["published", "archived"] } } }),
    db.webhookEndpoint.count({ where: { tenantId: tenant.id } }),
    db.auditEvent.count({ where: { tenantId: tenant.id, type: "admin.email.test_sent" } }),
  ]);
  const done: Record<GettingStartedStep, boolean> = {
    trustedOrigin: tenant.config.trustedOrigins.length > 0,
    signInMethods: signInMethodsChosen(tenant.config.authMethods),
    brand: themes > 0,
    testEmail: testEmails > 0,
    webhook: webhooks > 0,
  };
  return { ...links, steps: GETTING_STARTED_STEPS.map((id) => ({ id, done: done[id] })) };
}

/** Hides the checklist for every administrator of the tenant, for good. */
export async function dismissGettingStarted(access: ConsoleAccess, request: Request): Promise<void> {
  const { storage, audit } = getPortico();
  const db = await storage.control();
  await db.tenant.update({ where: { id: access.tenant.id }, data: { gettingStartedDismissedAt: new Date() } });
  await audit.record({
    ...adminActor(access, request),
    type: "admin.getting_started.dismissed",
    target: { type: "tenant", id: access.tenant.id, label: access.tenant.slug },
  });
}
