import type { Storage } from "~/db/storage.server";
import type { EmailOutbox } from "~/email/outbox.server";

/** How long a platform account's verification link works. */
export const PLATFORM_VERIFICATION_EXPIRES_IN_HOURS = 24;

/** Where a verification link lands (the page explains success or a failed link). */
export const PLATFORM_VERIFY_PATH = "/verify-email";

type Deps = {
  storage: Storage;
  outbox: EmailOutbox;
  publicUrl: URL;
  appName: string;
};

/**
 * Sends a platform account the link that proves it owns its address. An account is granted
 * nothing (tenants, invitations, outbox) before that, so signing up with someone else's
 * address gains nothing. Accounts already verified (the first account, see first-account.server)
 * get no mail.
 */
export async function sendPlatformVerificationEmail(
  deps: Deps,
  { user, url }: { user: { id: string; email: string; name: string }; url: string },
): Promise<void> {
  const db = await deps.storage.control();
  const current = await db.platformUser.findUnique({ where: { id: user.id }, select: { emailVerified: true } });
  if (!current || current.emailVerified) return;
  const link = new URL(url);
  link.searchParams.set("callbackURL", `${deps.publicUrl.origin}${PLATFORM_VERIFY_PATH}?status=verified`);
  await deps.outbox.send({
    tenantId: null,
    to: user.email,
    subject: `Confirm your email for the ${deps.appName} console`,
    text: [
      `Hello ${user.name || user.email},`,
      "",
      `Someone (hopefully you) created a ${deps.appName} console account with this address. Confirm it is yours:`,
      link.toString(),
      "",
      `The link works for ${PLATFORM_VERIFICATION_EXPIRES_IN_HOURS} hours. If you did not create this account, ignore this email: the account can do nothing until the address is confirmed.`,
    ].join("\n"),
    credentials: [{ value: link.toString(), label: "email verification link" }],
  });
}
