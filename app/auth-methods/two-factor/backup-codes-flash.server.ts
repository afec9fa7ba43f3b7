import { createCookie } from "@remix-run/node";
import { getPortico } from "~/context.server";

/**
 * Finishing the set-up replaces the session (better-auth rotates it when two-factor turns on),
 * so the set-up page redirects and the next load shows the backup codes. This signed, five-minute
 * cookie says "show them once to this user"; it holds no codes, only the user's id.
 */
function flashCookie() {
  const { env } = getPortico();
  return createCookie("portico-2fa-codes", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: env.publicUrl.protocol === "https:",
    secrets: [env.secret],
    maxAge: 5 * 60,
  });
}

export async function showBackupCodesOnce(userId: string): Promise<string> {
  return flashCookie().serialize(userId);
}

/** Whether the codes are due for this user; the returned header forgets the flag either way. */
export async function takeBackupCodesFlag(request: Request, userId: string) {
  const cookie = flashCookie();
  const flagged = (await cookie.parse(request.headers.get("cookie"))) as string | null;
  if (!flagged) return { due: false, clear: null };
  return { due: flagged === userId, clear: await cookie.serialize("", { maxAge: 0 }) };
}
