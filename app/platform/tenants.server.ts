import { z } from "zod";
import { adminActor, requireTenantRole } from "~/admin/access.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import { getPortico } from "~/context.server";
import { TENANT_ENVIRONMENTS, withNewTenantDefaults } from "~/tenancy/config";
import { slugFromName } from "~/tenancy/slug";
import { TenantError, type Tenant } from "~/tenancy/tenants.server";
import { copyPublishedTheme } from "~/theme/copy-theme.server";
import type { PlatformUser } from "./session.server";

export type CreateTenantField = "name" | "slug" | "environment" | "cloneFrom" | "form";
export type CreateTenantResult =
  | { ok: true; tenant: Tenant }
  | {
      ok: false;
      errors: Partial<Record<CreateTenantField, string>>;
      values: { name: string; slug: string; environment: string; cloneFrom: string };
    };

/** Loose limits only: TenantService validates slug, name and environment with field errors. */
const CreateTenantForm = z.object({
  name: z.string().max(200, "Name must be at most 80 characters.").default(""),
  slug: z.string().max(200, "Slug must be at most 40 characters.").default(""),
  environment: z.enum(TENANT_ENVIRONMENTS, { error: "Choose development, staging or production." }),
  cloneFrom: z.string().max(100).default(""),
});

const FIELDS: CreateTenantField[] = ["name", "slug", "environment", "cloneFrom"];

/**
 * Creates a tenant from the console with the signed-in account as its owner. With `cloneFrom`
 * the new tenant starts with that tenant's configuration (not its hostnames, which are unique,
 * nor its secrets) and its published theme; the account must be at least admin there.
 */
export async function createTenantFromConsole(
  request: Request,
  user: PlatformUser,
  form: FormData,
): Promise<CreateTenantResult> {
  const raw = Object.fromEntries(FIELDS.map((field) => [field, form.get(field) ?? undefined]));
  const values = {
    name: String(raw.name ?? "").slice(0, 200),
    slug: String(raw.slug ?? "").slice(0, 200),
    environment: String(raw.environment ?? ""),
    cloneFrom: String(raw.cloneFrom ?? "").slice(0, 100),
  };
  const parsed = CreateTenantForm.safeParse(raw);
  if (!parsed.success) {
    const errors: Partial<Record<CreateTenantField, string>> = {};
    for (const issue of parsed.error.issues) errors[(issue.path[0] as CreateTenantField) ?? "form"] ??= issue.message;
    return { ok: false, errors, values };
  }
  const { name, environment, cloneFrom } = parsed.data;
  // Left empty (no JavaScript to fill it as the name is typed), the slug comes from the name.
  const derived = parsed.data.slug.trim() === "";
  const slug = derived ? slugFromName(name) : parsed.data.slug;
  if (derived) values.slug = slug;
  const source = cloneFrom ? await requireTenantRole(request, cloneFrom, "admin") : null;
  const { tenants, memberships, audit, themes } = getPortico();
  let tenant: Tenant;
  try {
    tenant = await tenants.create({
      name,
      slug,
      environment,
      config: source?.tenant.config ?? withNewTenantDefaults({}),
    });
  } catch (error) {
    if (!(error instanceof TenantError)) throw error;
    const field = FIELDS.find((f) => f === error.field) ?? "form";
    const message =
      derived && field === "slug" ? `${error.message} (The slug was made from the name: change it.)` : error.message;
    return { ok: false, errors: { [field]: message }, values };
  }
  await memberships.addMember(tenant.id, user.id, "owner");
  const actor = { type: "platform_user" as const, id: user.id, label: user.email };
  await audit.record({
    tenantId: tenant.id,
    type: "admin.tenant.created",
    actor,
    ipAddress: request.headers.get(CLIENT_IP_HEADER),
    userAgent: request.headers.get("user-agent"),
    target: { type: "tenant", id: tenant.id, label: tenant.slug },
    data: { name: tenant.name, environment: tenant.environment, clonedFrom: source?.tenant.slug ?? null },
  });
  if (source) {
    // The clone looks like its source from the start: the published theme and its images.
    await copyPublishedTheme(themes, source.tenant, tenant, {
      tenantId: tenant.id,
      actor,
      ipAddress: request.headers.get(CLIENT_IP_HEADER),
      userAgent: request.headers.get("user-agent"),
    });
    await audit.record({
      ...adminActor(source, request),
      type: "admin.tenant.cloned",
      target: { type: "tenant", id: tenant.id, label: tenant.slug },
      data: { environment: tenant.environment },
    });
  }
  return { ok: true, tenant };
}
