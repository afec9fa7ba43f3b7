import { z } from "zod";

/**
 * A tenant's configuration as stored in the control plane. It never holds secrets (those
 * live encrypted beside it) so it can be shown to admins and partly published.
 * Every field has a default, so an empty object is a valid configuration and an older
 * stored config gains new fields without a data migration.
 */
export const TenantConfigSchema = z.object({
  authMethods: z
    .object({
      emailPassword: z
        .object({
          enabled: z.boolean().default(true),
          minPasswordLength: z.number().int().min(8).max(128).default(8),
          maxPasswordLength: z.number().int().min(16).max(256).default(128),
        })
        .prefault({}),
    })
    .prefault({}),
  /** Origins (scheme://host[:port]) allowed to call the tenant's auth API and be redirected to. */
  trustedOrigins: z
    .array(
      z
        .url({
          protocol: /^https?$/,
          message: "Trusted origins must be http(s) origins such as https://app.example.com",
        })
        .refine((value) => new URL(value).origin === value.replace(/\/$/, ""), {
          message: "A trusted origin is scheme, host and port only, with no path.",
        }),
    )
    .max(50)
    .default([]),
  session: z
    .object({
      /** Seconds until an unused session expires. */
      expiresIn: z
        .number()
        .int()
        .min(300)
        .max(60 * 60 * 24 * 365)
        .default(60 * 60 * 24 * 7),
      /** A session is extended when it is used after this many seconds. */
      updateAge: z
        .number()
        .int()
        .min(60)
        .max(60 * 60 * 24 * 30)
        .default(60 * 60 * 24),
    })
    .prefault({}),
  rateLimit: z
    .object({
      /** Requests per window per client IP across the tenant's auth API. */
      max: z.number().int().min(1).max(100_000).default(100),
      window: z.number().int().min(1).max(3600).default(60),
    })
    .prefault({}),
});

export type TenantConfig = z.infer<typeof TenantConfigSchema>;
export type TenantConfigInput = z.input<typeof TenantConfigSchema>;

export const TENANT_STATUSES = ["active", "disabled"] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

export const TENANT_ENVIRONMENTS = ["development", "staging", "production"] as const;
export type TenantEnvironment = (typeof TENANT_ENVIRONMENTS)[number];
