import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { AUTH_METHOD_IDS, AUTH_METHODS, authMethodSecretName, type AuthMethodId } from "~/auth-methods/catalog";
import { CUSTOM_DOMAIN_AUTH_PATH } from "~/auth/custom-domain-base-url.server";
import { customDomainOrigin, tenantAuthPath } from "~/auth/tenant-urls";
import { getPortico } from "~/context.server";

const MAX_SECRET_LENGTH = 4096;

/**
 * A method's secret settings from the console's form (OAuth client secrets). Each is stored
 * encrypted with the tenant's other secrets when a value is entered; an empty field keeps the
 * stored one, so the secret never has to be shown to be kept. Returns field errors, or null
 * once saved.
 */
export async function saveAuthMethodSecrets(
  access: ConsoleAccess,
  request: Request,
  methodId: AuthMethodId,
  form: FormData,
): Promise<Record<string, string> | null> {
  const entered: [string, string][] = [];
  for (const name of AUTH_METHODS[methodId].secretSettings as readonly string[]) {
    const raw = form.get(name);
    const value = typeof raw === "string" ? raw.trim() : "";
    if (value.length > MAX_SECRET_LENGTH) return { [name]: `Use at most ${MAX_SECRET_LENGTH} characters.` };
    if (value) entered.push([name, value]);
  }
  const { tenants, registry, audit } = getPortico();
  for (const [name, value] of entered) {
    const secret = authMethodSecretName(methodId, name);
    await tenants.setSecret(access.tenant.slug, secret, value);
    await audit.record({
      ...adminActor(access, request),
      type: "admin.secret.updated",
      target: { type: "tenant", id: access.tenant.id, label: access.tenant.slug },
      data: { secret },
    });
  }
  if (entered.length > 0) registry.invalidate(access.tenant.id);
  return null;
}

/** For "set"/"not set" next to each secret field: which method secrets are stored (never their values). */
export async function storedAuthMethodSecrets(tenantId: string): Promise<Record<string, boolean>> {
  const secrets = await getPortico().tenants.getSecrets(tenantId);
  const stored: Record<string, boolean> = {};
  for (const id of AUTH_METHOD_IDS) {
    for (const name of AUTH_METHODS[id].secretSettings as readonly string[]) {
      const secret = authMethodSecretName(id, name);
      stored[secret] = Boolean(secrets[secret]);
    }
  }
  return stored;
}

/**
 * Where provider callbacks start: the tenant's auth API on the deployment's public URL, then
 * on each of its custom domains (a sign-in begun there calls back there, decision 0030).
 */
export function tenantAuthBaseUrls(tenant: { slug: string; hostnames: readonly string[] }): string[] {
  const { publicUrl } = getPortico().env;
  return [
    `${publicUrl.origin}${tenantAuthPath(tenant.slug)}`,
    ...tenant.hostnames.map((hostname) => `${customDomainOrigin(hostname, publicUrl)}${CUSTOM_DOMAIN_AUTH_PATH}`),
  ];
}
