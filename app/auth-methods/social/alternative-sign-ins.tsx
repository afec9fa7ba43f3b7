import { Form, Link } from "@remix-run/react";
import type { SocialProviderId } from "~/auth-methods/social/catalog";
import type { AlternativeSignIns as Offered } from "~/auth-methods/social/hosted.server";
import { useTranslate } from "~/i18n/use-translate";

/** Brand colours for the provider marks (the button itself follows the tenant's theme). */
const MARKS: Record<SocialProviderId, { color: string; letter: string }> = {
  google: { color: "#4285F4", letter: "G" },
  github: { color: "#24292F", letter: "G" },
  microsoft: { color: "#00A4EF", letter: "M" },
  apple: { color: "#000000", letter: "" },
  discord: { color: "#5865F2", letter: "D" },
  gitlab: { color: "#FC6D26", letter: "G" },
  oidc: { color: "#6B7280", letter: "" },
};

function ProviderMark({ id }: { id: SocialProviderId }) {
  const { color, letter } = MARKS[id];
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20" className="shrink-0">
      <rect width="20" height="20" rx="5" fill={color} />
      {id === "apple" ? (
        <path
          fill="#fff"
          d="M12.6 4.2c-.7.1-1.5.5-2 1.1-.4.5-.8 1.3-.7 2 .8.1 1.5-.4 2-1 .4-.6.7-1.3.7-2.1Zm1.9 9.6c-.4.8-.6 1.2-1.1 1.9-.7 1-1.6 2.2-2.8 2.2-1 0-1.3-.7-2.7-.7-1.4 0-1.7.7-2.7.7-1.1 0-2-1.1-2.7-2.1-1.9-2.8-2.1-6.1-.9-7.8.8-1.2 2.1-1.9 3.4-1.9 1.3 0 2 .7 3.1.7 1 0 1.6-.7 3.1-.7 1.1 0 2.3.6 3.1 1.7-2.7 1.5-2.3 5.4.2 6.2Z"
          transform="translate(1.5 -1) scale(.9)"
        />
      ) : id === "oidc" ? (
        <path
          fill="#fff"
          d="M10 4a3 3 0 0 1 3 3v1h.5c.8 0 1.5.7 1.5 1.5v5c0 .8-.7 1.5-1.5 1.5h-7c-.8 0-1.5-.7-1.5-1.5v-5C5 8.7 5.7 8 6.5 8H7V7a3 3 0 0 1 3-3Zm0 1.5A1.5 1.5 0 0 0 8.5 7v1h3V7A1.5 1.5 0 0 0 10 5.5Z"
        />
      ) : (
        <text
          x="10"
          y="14.5"
          textAnchor="middle"
          fontSize="12"
          fontWeight="700"
          fontFamily="system-ui, sans-serif"
          fill="#fff"
        >
          {letter}
        </text>
      )}
    </svg>
  );
}

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
