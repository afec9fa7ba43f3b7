import { Form, Link } from "@remix-run/react";
import type { AlternativeSignIns as Offered } from "~/auth-methods/social/hosted.server";
import { useTranslate } from "~/i18n/use-translate";
import { ProviderMark } from "./provider-marks";

/**
 * The other ways to sign in on the hosted sign-in and sign-up pages: one button per social
 * provider that is on (each a plain form post, so it works without JavaScript), the phone
 * number link, then an "or" above the email form.
 */
export function AlternativeSignIns({
  offered,
  basePath,
  redirectTo,
}: {
  offered: Offered;
  basePath: string;
  redirectTo: string | null;
}) {
  const t = useTranslate();
  if (offered.providers.length === 0 && !offered.phone) return null;
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  const buttonClass =
    "flex w-full items-center justify-center gap-3 rounded-theme border border-border bg-card px-4 py-2.5 font-medium text-foreground hover:bg-background focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary";
  return (
    <div className="mt-6 flex flex-col gap-3" data-testid="alternative-sign-ins">
      {offered.providers.map((provider) => (
        <Form key={provider.id} method="post" action={`${basePath}/social/${provider.id}${query}`} reloadDocument>
          <button type="submit" className={buttonClass}>
            <ProviderMark id={provider.id} />
            {t("social.continueWith", { provider: provider.name })}
          </button>
        </Form>
      ))}
      {offered.phone ? (
        <Link to={`${basePath}/phone${query}`} className={buttonClass}>
          {t("phone.link")}
        </Link>
      ) : null}
      <p className="flex items-center gap-3 text-xs uppercase text-muted" aria-hidden="true">
        <span className="h-px flex-1 bg-border" />
        {t("social.or")}
        <span className="h-px flex-1 bg-border" />
      </p>
    </div>
  );
}
