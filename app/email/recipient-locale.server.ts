import type { TenantDb } from "~/db/clients.server";
import type { Locale } from "~/i18n/locales";
import { errorField, log } from "~/ops/log.server";
import { headerSignals, languageSignals, type LanguageSignals } from "~/theme/locale";
import type { TenantEmail } from "./templates.server";

/** The language a tenant's hosted page shows for these signals (its theme decides what is offered). */
export type PageLocale = (signals: LanguageSignals) => Promise<Locale>;

/**
 * A mailer that adds the recipient's stored language (the one they signed up in) to templated
 * emails that do not name a locale, so an email an administrator or a background job triggers
 * still reaches the user in their language (decision 0027).
 */
export function withRecipientLocale(
  db: TenantDb,
  sendEmail: (email: TenantEmail) => Promise<void>,
): (email: TenantEmail) => Promise<void> {
  return async (email) => {
    if (!("template" in email) || email.locale) return sendEmail(email);
    const user = await db.user.findUnique({ where: { email: email.to.toLowerCase() }, select: { locale: true } });
    return sendEmail({ ...email, recipientLocale: user?.locale ?? null });
  };
}

/** Auth calls that create users for someone else (the admin plugin); their page language is the admin's. */
const ADMIN_PATH = /^\/admin\//;

/**
 * Stores the language a new user's sign-up page was in, from the sign-up call's request (or the
 * hosted page's headers it carries). Best effort: a failure is logged, never fails the sign-up.
 */
export async function rememberSignUpLocale(
  db: TenantDb,
  pageLocale: PageLocale | undefined,
  userId: string,
  ctx: { path?: string; request?: Request; headers?: Headers } | null | undefined,
): Promise<void> {
  if (!pageLocale || !ctx || ADMIN_PATH.test(ctx.path ?? "")) return;
  const signals = ctx.request ? languageSignals(ctx.request) : ctx.headers ? headerSignals(ctx.headers) : null;
  if (!signals) return;
  try {
    await db.user.update({ where: { id: userId }, data: { locale: await pageLocale(signals) } });
  } catch (error) {
    log.warn({ err: errorField(error) }, "Could not store the new user's language");
  }
}
