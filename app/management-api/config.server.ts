import { z } from "zod";
import { configChanges } from "~/auth-methods/config-changes.server";
import { getPortico } from "~/context.server";
import { TenantConfigSchema } from "~/tenancy/config";
import { ApiError, fieldPath, type ApiErrorDetail } from "./errors.server";
import { defineOperation } from "./operation.server";

/**
 * The tenant's configuration: read whole, changed by JSON merge patch (objects merge, arrays
 * and values replace), validated by the same schema the console saves through. The config
 * never holds secrets (they are stored encrypted beside it), so reading it reveals none.
 */
const ConfigDocument = TenantConfigSchema.meta({ id: "TenantConfig" });

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function merge(base: unknown, patch: unknown): unknown {
  if (!isObject(base) || !isObject(patch)) return patch;
  const result: Json = { ...base };
  for (const [key, value] of Object.entries(patch)) result[key] = merge(base[key], value);
  return result;
}

/** Fields the patch sets that the schema does not know (it would silently drop them). */
function unknownFields(input: unknown, parsed: unknown, path: string[] = []): ApiErrorDetail[] {
  if (!isObject(input) || !isObject(parsed)) return [];
  return Object.entries(input).flatMap(([key, value]) =>
    key in parsed
      ? unknownFields(value, parsed[key], [...path, key])
      : [{ field: fieldPath([...path, key]), message: "This field is not accepted here." }],
  );
}

/** The console's cross-field checks (Settings page), so both paths accept the same configs. */
function crossFieldIssues(config: z.output<typeof TenantConfigSchema>): ApiErrorDetail[] {
  const issues: ApiErrorDetail[] = [];
  if (config.session.updateAge >= config.session.expiresIn)
    issues.push({
      field: "session.updateAge",
      message: "The refresh interval must be shorter than the session lifetime.",
    });
  const { minPasswordLength, maxPasswordLength } = config.authMethods.emailPassword;
  if (minPasswordLength > maxPasswordLength)
    issues.push({
      field: "authMethods.emailPassword.minPasswordLength",
      message: "The minimum password length cannot exceed the maximum.",
    });
  return issues;
}

function refuse(details: ApiErrorDetail[]): never {
  throw new ApiError(422, "validation_failed", `${details[0]!.field}: ${details[0]!.message}`, details);
}

export const CONFIG_OPERATIONS = [
  defineOperation({
    operationId: "getConfig",
    method: "GET",
    path: "/config",
    tag: "Config",
    summary: "Read the tenant's configuration",
    description: "Auth methods, sign-up mode, password policy, sessions, SMTP (never its password), rate limits.",
    scope: "config:read",
    success: {
      status: 200,
      description: "The configuration.",
      schema: z.object({ config: ConfigDocument, version: z.number().int() }),
    },
    run: async (ctx) => {
      const tenant = await getPortico().tenants.getById(ctx.live.tenant.id);
      return { config: tenant!.config, version: tenant!.configVersion };
    },
  }),
  defineOperation({
    operationId: "updateConfig",
    method: "PATCH",
    path: "/config",
    tag: "Config",
    summary: "Change the tenant's configuration",
    description:
      "A JSON merge patch: send only what changes. Every instance serves the new configuration within a second. Fires `tenant.config_updated`.",
    scope: "config:write",
    body: z.record(z.string(), z.unknown(), { error: "Send a JSON object." }),
    documentedBody: TenantConfigSchema.partial().meta({ id: "TenantConfigPatch" }),
    errors: [413, 415, 422],
    requestExample: { signUp: { mode: "invite-only" }, trustedOrigins: ["https://app.example.com"] },
    success: {
      status: 200,
      description: "The saved configuration.",
      schema: z.object({ config: ConfigDocument, version: z.number().int() }),
    },
    run: async (ctx, { body }) => {
      const { tenants, registry, audit } = getPortico();
      const current = (await tenants.getById(ctx.live.tenant.id))!;
      const next = merge(current.config, body);
      const parsed = TenantConfigSchema.safeParse(next);
      if (!parsed.success)
        refuse(parsed.error.issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message })));
      const unknown = unknownFields(body, parsed.data);
      if (unknown.length > 0) refuse(unknown);
      const crossField = crossFieldIssues(parsed.data);
      if (crossField.length > 0) refuse(crossField);
      const tenant = await tenants.updateConfig(current.slug, parsed.data);
      registry.invalidate(tenant.id);
      const changes = configChanges(current.config, tenant.config);
      if (changes.length > 0) {
        await audit.record({
          ...ctx.audit,
          type: "admin.config.updated",
          target: { type: "tenant", id: tenant.id, label: tenant.slug },
          data: { changes },
        });
      }
      return { config: tenant.config, version: tenant.configVersion };
    },
  }),
];
