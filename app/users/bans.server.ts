import { z } from "zod";
import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { getPortico } from "~/context.server";
import type { TenantDb } from "~/db/clients.server";
import { message, type Message } from "~/i18n/message";
import type { LiveTenant } from "~/tenancy/registry.server";
import { consoleTime } from "~/components/console-time";
import { fieldErrors, formValues, type FormErrors } from "./forms.server";
import type { TenantUser } from "./tenant-users.server";
import { parseInput, requireUserRow, type UserActor } from "./user-errors.server";
import { UserRef } from "./user-input";

/** How long a ban lasts; a fixed list keeps the form usable without time-zone guesswork. */
export const BAN_DURATIONS = {
  permanent: { label: "Until unbanned", seconds: null },
  "1h": { label: "1 hour", seconds: 60 * 60 },
  "1d": { label: "1 day", seconds: 24 * 60 * 60 },
  "7d": { label: "7 days", seconds: 7 * 24 * 60 * 60 },
  "30d": { label: "30 days", seconds: 30 * 24 * 60 * 60 },
} as const;

const BanSchema = z.object({
  reason: z.string().trim().max(500, "Use at most 500 characters.").optional(),
  duration: z.enum(Object.keys(BAN_DURATIONS) as [keyof typeof BAN_DURATIONS], {
    error: "Choose how long the ban lasts.",
  }),
});

/** A ban as the capability takes it: the user, why (shown to them) and until when (null: until unbanned). */
export type BanInput = { userId: string; reason?: string | null; expiresAt?: Date | null };

/**
 * Bans a user (the admin plugin's session.create hook then refuses every sign-in, with the
 * BANNED_USER code) and ends their sessions, so the ban takes effect at once. Console, bulk
 * actions and /api/v1 all ban through here.
 */
export async function banTenantUser(live: LiveTenant, who: UserActor, input: BanInput) {
  const { userId } = parseInput(UserRef, { userId: input.userId });
  const user = await requireUserRow(live.db, userId);
  const banReason = input.reason?.trim().slice(0, 500) || null;
  const banExpires = input.expiresAt ?? null;
  const { internalAdapter } = await live.auth.$context;
  await internalAdapter.updateUser(user.id, { banned: true, banReason, banExpires });
  await internalAdapter.deleteUserSessions(user.id);
  await getPortico().audit.record({
    ...who,
    type: "admin.user.banned",
    target: { type: "user", id: user.id, label: user.email },
    data: { reason: banReason, expiresAt: banExpires?.toISOString() ?? null },
  });
  return { ...user, banExpires };
}

export async function unbanTenantUser(live: LiveTenant, who: UserActor, input: { userId: string }) {
  const { userId } = parseInput(UserRef, input);
  const user = await requireUserRow(live.db, userId);
  const { internalAdapter } = await live.auth.$context;
  await internalAdapter.updateUser(user.id, { banned: false, banReason: null, banExpires: null });
  await getPortico().audit.record({
    ...who,
    type: "admin.user.unbanned",
    target: { type: "user", id: user.id, label: user.email },
  });
  return user;
}

/** The console's ban form: a reason and one of BAN_DURATIONS. */
export function readBanForm(
  form: FormData,
): { ok: true; ban: Omit<BanInput, "userId"> } | { ok: false; errors: FormErrors } {
  const parsed = BanSchema.safeParse(formValues(form));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const seconds = BAN_DURATIONS[parsed.data.duration].seconds;
  return {
    ok: true,
    ban: { reason: parsed.data.reason || null, expiresAt: seconds ? new Date(Date.now() + seconds * 1000) : null },
  };
}

export async function banUser(
  access: ConsoleAccess,
  request: Request,
  live: LiveTenant,
  user: TenantUser,
  form: FormData,
): Promise<{ ok: true; message: string } | { ok: false; errors: FormErrors }> {
  const read = readBanForm(form);
  if (!read.ok) return read;
  const { banExpires } = await banTenantUser(live, adminActor(access, request), { userId: user.id, ...read.ban });
  return {
    ok: true,
    message: `${user.email} is banned${banExpires ? ` until ${consoleTime(banExpires)}` : ""}; their sessions were ended.`,
  };
}

export async function unbanUser(access: ConsoleAccess, request: Request, live: LiveTenant, user: TenantUser) {
  await unbanTenantUser(live, adminActor(access, request), { userId: user.id });
  return { ok: true as const, message: `${user.email} can sign in again.` };
}

/** Whether a sign-in answer is the admin plugin's refusal of a banned user (BANNED_USER). */
export async function isBannedRefusal(response: Response): Promise<boolean> {
  if (response.status !== 403) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => ({}))) as { code?: string };
  return body.code === "BANNED_USER";
}

/** What a banned user reads on the sign-in form: that the account is suspended, why, until when. */
export async function suspendedAccountMessage(db: TenantDb, email: string): Promise<Message> {
  const user = await db.user.findUnique({ where: { email }, select: { banReason: true, banExpires: true } });
  // An ISO timestamp, written in the page's language by the `{until, datetime}` placeholder.
  const until = user?.banExpires ? user.banExpires.toISOString() : null;
  const reason = user?.banReason || null;
  if (until && reason) return message("errors.accountSuspendedUntilReason", { until, reason });
  if (until) return message("errors.accountSuspendedUntil", { until });
  if (reason) return message("errors.accountSuspendedReason", { reason });
  return message("errors.accountSuspended");
}
