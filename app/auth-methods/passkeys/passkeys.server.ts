import { z } from "zod";
import { callTenantAuth } from "~/auth/tenant-auth-calls.server";
import type { TenantRequestContext } from "~/tenancy/request.server";

/**
 * The account page's passkeys: listed from the tenant's database, renamed and deleted through
 * the plugin's endpoints (which check that the passkey is the signed-in user's). Registering one
 * needs the browser's WebAuthn API, so it happens in passkey-manager.tsx.
 */

export function passkeysEnabled(live: TenantRequestContext): boolean {
  return live.tenant.config.authMethods.passkey.enabled;
}

export type AccountPasskey = { id: string; name: string | null; createdAt: string | null; synced: boolean };

/** The user's passkeys, oldest first; null when the tenant has passkeys off. */
export async function accountPasskeys(live: TenantRequestContext, userId: string): Promise<AccountPasskey[] | null> {
  if (!passkeysEnabled(live)) return null;
  const rows = await live.db.passkey.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, createdAt: true, deviceType: true },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.createdAt?.toISOString() ?? null,
    synced: row.deviceType === "multiDevice",
  }));
}

const ChangeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("rename"), id: z.string().min(1).max(64), name: z.string().trim().min(1).max(64) }),
  z.object({ intent: z.literal("delete"), id: z.string().min(1).max(64) }),
]);

export type PasskeyChange = "renamed" | "deleted" | "name-invalid" | "not-found";

/** Renames or deletes one of the signed-in user's passkeys. */
export async function changePasskey(
  live: TenantRequestContext,
  request: Request,
  form: FormData,
): Promise<PasskeyChange> {
  const parsed = ChangeSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return form.get("intent") === "rename" ? "name-invalid" : "not-found";
  const change = parsed.data;
  const response =
    change.intent === "rename"
      ? await callTenantAuth(live, request, "/passkey/update-passkey", { id: change.id, name: change.name })
      : await callTenantAuth(live, request, "/passkey/delete-passkey", { id: change.id });
  if (!response.ok) return "not-found";
  return change.intent === "rename" ? "renamed" : "deleted";
}
