import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { getPortico } from "~/context.server";
import { readForm } from "~/http/read-form.server";
import { redirectWithToast } from "~/http/toast.server";
import { requireConsoleOrganization } from "~/scim/console.server";
import {
  addSsoDomain,
  removeSsoConnection,
  removeSsoDomain,
  saveSsoConnection,
  ssoStatus,
  SsoSetupError,
  verifySsoDomain,
} from "./connection-actions.server";
import { SsoSettingsSchema } from "./settings";
import { consoleSsoPath, redirectToIdentityProvider } from "./sign-in.server";

/**
 * The console's SSO page of an organization: the values to give the IdP, the connection form
 * (SAML or OIDC), the email domains with their TXT records, "Test connection", and the recent
 * SSO events (tests and refused sign-ins, with the reason).
 */
export type SsoFormErrors = Partial<Record<string, string>>;

const RECENT_EVENTS = 10;

export async function organizationSsoPage(access: ConsoleAccess, organizationId: string | undefined) {
  const { live, organization } = await requireConsoleOrganization(access, organizationId);
  const events = await getPortico().audit.list({ tenantId: access.tenant.id, type: "sso.", limit: 200 });
  return {
    ...(await ssoStatus(live, organization)),
    events: events
      .filter((event) => event.targetId === organization.id)
      .slice(0, RECENT_EVENTS)
      .map(({ id, type, data, createdAt }) => ({ id, type, data, createdAt })),
  };
}

/** "Group = role" lines → the mapping object (blank lines ignored). */
function parseGroupRoles(text: string): Record<string, string> | string {
  const map: Record<string, string> = {};
  for (const line of text.split(/\r?\n/).map((entry) => entry.trim())) {
    if (!line) continue;
    const at = line.lastIndexOf("=");
    if (at <= 0) return `"${line.slice(0, 60)}" is not "group = role".`;
    map[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return map;
}

/** The connection form's fields as the settings schema takes them; empty fields are left out. */
function settingsFromForm(form: FormData) {
  const text = (name: string) => {
    const value = String(form.get(name) ?? "").trim();
    return value === "" ? undefined : value;
  };
  const groupRoles = parseGroupRoles(String(form.get("groupRoles") ?? ""));
  if (typeof groupRoles === "string") return { error: { groupRoles: groupRoles } };
  const common = {
    defaultRole: text("defaultRole"),
    attributeMapping: {
      email: text("emailAttribute"),
      name: text("nameAttribute"),
      groups: text("groupsAttribute"),
      groupRoles,
    },
  };
  const input =
    form.get("intent") === "save-oidc"
      ? {
          protocol: "oidc",
          issuer: text("issuer"),
          clientId: text("clientId"),
          clientSecret: text("clientSecret"),
          ...common,
        }
      : {
          protocol: "saml",
          idpMetadataUrl: text("idpMetadataUrl"),
          idpMetadataXml: text("idpMetadataXml"),
          idpEntityId: text("idpEntityId"),
          idpSsoUrl: text("idpSsoUrl"),
          idpCertificate: text("idpCertificate"),
          ...common,
        };
  const parsed = SsoSettingsSchema.safeParse(input);
  if (parsed.success) return { settings: parsed.data };
  const errors: SsoFormErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    const field =
      path[0] === "attributeMapping"
        ? path[1] === "groupRoles"
          ? "groupRoles"
          : `${path[1]}Attribute`
        : (path[0] ?? "form");
    errors[field] ??= issue.code === "invalid_type" ? "is required." : issue.message;
  }
  return { error: errors };
}

export async function organizationSsoAction(
  access: ConsoleAccess,
  request: Request,
  organizationId: string | undefined,
) {
  const { live, organization } = await requireConsoleOrganization(access, organizationId);
  const form = await readForm(request);
  const actor = adminActor(access, request);
  const here = consoleSsoPath(access.tenant.slug, organization.id);
  const toast = (message: string) => redirectWithToast(here, { type: "success", message });
  const domain = String(form.get("domain") ?? "").trim();
  const intent = form.get("intent");
  switch (intent) {
    case "save-saml":
    case "save-oidc": {
      const parsed = settingsFromForm(form);
      if (parsed.error) return { intent, errors: parsed.error };
      try {
        await saveSsoConnection(live, organization, parsed.settings, actor);
      } catch (error) {
        if (!(error instanceof SsoSetupError)) throw error;
        return { intent, errors: { [error.field]: error.message.slice(error.field.length + 1) } as SsoFormErrors };
      }
      return toast(`${organization.name} signs in with ${intent === "save-oidc" ? "OpenID Connect" : "SAML"} now.`);
    }
    case "remove":
      await removeSsoConnection(live, organization, actor);
      return toast(`${organization.name}'s single sign-on is disconnected.`);
    case "add-domain": {
      const added = await addSsoDomain(live, organization, domain, actor);
      if (!added.ok) return { intent, errors: { domain: added.message.replace(/^domain:? /, "") } as SsoFormErrors };
      return toast(`Create the TXT record for ${added.domain.domain}, then verify.`);
    }
    case "verify-domain": {
      const checked = await verifySsoDomain(live, organization, domain, actor);
      if (!checked) throw new Response("This organization has no such domain.", { status: 404 });
      return toast(
        checked.verifiedAt ? `${checked.domain} is verified.` : `No matching TXT record for ${checked.domain} yet.`,
      );
    }
    case "remove-domain":
      await removeSsoDomain(live, organization, domain, actor);
      return toast(`${domain} is released.`);
    case "test": {
      const connection = await getPortico().sso.get(live.tenant.id, organization.id);
      if (!connection) throw new Response("Connect the organization before testing.", { status: 400 });
      try {
        return await redirectToIdentityProvider(live, connection, { redirectTo: null, purpose: "test" });
      } catch {
        return {
          intent,
          errors: { form: "The identity provider's discovery document could not be read." } as SsoFormErrors,
        };
      }
    }
    default:
      throw new Response("Unknown action.", { status: 400 });
  }
}
