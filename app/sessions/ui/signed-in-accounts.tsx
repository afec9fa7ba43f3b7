import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { useTranslate } from "~/i18n/use-translate";
import type { SignedInAccounts } from "../device-sessions.server";

/** The sign-in page's flag that keeps the current session and adds another account beside it. */
export const ADD_ACCOUNT_PARAM = "addAccount";

/**
 * The accounts signed in on this browser (multi-session): switch to one, sign one out, or add
 * another. Plain form posts, so it works without JavaScript.
 */
export function SignedInAccountsSection({
  basePath,
  signedInAccounts,
}: {
  basePath: string;
  signedInAccounts: SignedInAccounts | null;
}) {
  const t = useTranslate();
  if (!signedInAccounts) return null;
  const { accounts, maximum } = signedInAccounts;
  const action = `${basePath}/device-sessions`;
  return (
    <section aria-labelledby="signed-in-accounts" className="mt-8 border-t border-border pt-6">
      <h2 id="signed-in-accounts" className="text-lg font-semibold">
        {t("sessions.title")}
      </h2>
      <p className="mt-1 text-sm text-muted">{t("sessions.subtitle")}</p>
      <ul className="mt-3 flex flex-col gap-3 text-sm" aria-label={t("sessions.listLabel")}>
        {accounts.map((account) => (
          <li key={account.sessionId} className="flex flex-col gap-2" data-testid="signed-in-account">
            <span>
              <span className="font-medium">{account.name}</span> <span className="text-muted">{account.email}</span>
              {account.current ? <span className="ml-1 font-medium">· {t("sessions.current")}</span> : null}
            </span>
            <div className="flex gap-2">
              {account.current ? null : (
                <Form method="post" action={action}>
                  <input type="hidden" name="intent" value="switch" />
                  <input type="hidden" name="sessionId" value={account.sessionId} />
                  <Button variant="secondary" aria-label={t("sessions.switchTo", { email: account.email })}>
                    {t("sessions.switch")}
                  </Button>
                </Form>
              )}
              <Form method="post" action={action}>
                <input type="hidden" name="intent" value="sign-out" />
                <input type="hidden" name="sessionId" value={account.sessionId} />
                <Button variant="secondary" aria-label={t("sessions.signOutOf", { email: account.email })}>
                  {t("sessions.signOut")}
                </Button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
      {accounts.length < maximum ? (
        <Link
          to={`${basePath}/sign-in?${ADD_ACCOUNT_PARAM}=1`}
          className="mt-4 inline-block text-sm font-medium text-primary underline-offset-4 hover:underline"
        >
          {t("sessions.addAccount")}
        </Link>
      ) : (
        <p className="mt-4 text-sm text-muted">{t("sessions.limitReached", { maximum })}</p>
      )}
    </section>
  );
}

/** On the sign-in page while adding an account: says the current account stays signed in. */
export function AddAccountNotice({ basePath, adding }: { basePath: string; adding: boolean }) {
  const t = useTranslate();
  if (!adding) return null;
  return (
    <div role="status" className="mt-4 rounded-theme border border-border px-3 py-2 text-sm">
      <p className="font-medium">{t("sessions.addingTitle")}</p>
      <p className="mt-1 text-muted">{t("sessions.addingText")}</p>
      <Link to={`${basePath}/account`} className="mt-1 inline-block text-primary underline-offset-4 hover:underline">
        {t("sessions.backToAccount")}
      </Link>
    </div>
  );
}
