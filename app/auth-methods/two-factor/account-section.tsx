import { Link } from "@remix-run/react";
import { useTranslate } from "~/i18n/use-translate";

/** The account page's two-factor line: on or off, and the way to set it up or manage it. */
export function TwoFactorSection({
  basePath,
  twoFactor,
}: {
  basePath: string;
  twoFactor: { enabled: boolean } | null;
}) {
  const t = useTranslate();
  if (!twoFactor) return null;
  return (
    <section className="mt-8 border-t border-border pt-6" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading" className="font-semibold">
        {t("twoFactor.account.title")}
      </h2>
      <p className="mt-1 text-sm text-muted" data-testid="two-factor-status">
        {t(twoFactor.enabled ? "twoFactor.account.on" : "twoFactor.account.off")}
      </p>
      <Link
        to={`${basePath}/account/two-factor`}
        className="mt-3 inline-block text-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        {t(twoFactor.enabled ? "twoFactor.account.manage" : "twoFactor.account.setUp")}
      </Link>
    </section>
  );
}
