import { z } from "zod";

/** Slugs that would collide with the platform's own routes or read as official. */
export const RESERVED_SLUGS = new Set([
  "admin",
  "api",
  "app",
  "apps",
  "assets",
  "auth",
  "dashboard",
  "demo-admin",
  "docs",
  "healthz",
  "help",
  "invite",
  "login",
  "logout",
  "mail",
  "new",
  "outbox",
  "platform",
  "portico",
  "public",
  "root",
  "settings",
  "sign-in",
  "sign-out",
  "sign-up",
  "signin",
  "signup",
  "static",
  "status",
  "support",
  "system",
  "t",
  "tenant",
  "tenants",
  "widgets",
  "www",
]);

export const SlugSchema = z
  .string({ error: "Slug is required." })
  .trim()
  .min(3, "Slug must be at least 3 characters.")
  .max(40, "Slug must be at most 40 characters.")
  .regex(
    /^[a-z0-9](-?[a-z0-9])*$/,
    "Slug may contain lowercase letters, digits and single hyphens, and must start and end with a letter or digit.",
  )
  .refine((slug) => !RESERVED_SLUGS.has(slug), { message: "This slug is reserved; choose another." });

export const TenantNameSchema = z
  .string({ error: "Name is required." })
  .trim()
  .min(1, "Name is required.")
  .max(80, "Name must be at most 80 characters.");

/** A hostname such as auth.example.com: lowercase, no scheme, port or path. */
export const HostnameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, "Hostname must be at most 253 characters.")
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/,
    "Hostname must look like auth.example.com (no scheme, port or path).",
  );

/**
 * A slug made from a name, the way the console's forms fill the slug field as the name is
 * typed (and the server does when the field is left empty): "Acme Prod" → "acme-prod",
 * "Café Zürich" → "cafe-zurich". The result may still be too short or reserved; the form's
 * own validation says so.
 */
export function slugFromName(name: string, maxLength = 40): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
}
