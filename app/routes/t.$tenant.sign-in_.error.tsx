import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { socialErrorKind, type SocialErrorKind } from "~/auth-methods/social/hosted.server";
import { hostedPageTitle } from "~/i18n/hosted-meta";
import type { MessageKey } from "~/i18n/messages";
import { useTranslate } from "~/i18n/use-translate";
import { requireTenant } from "~/tenancy/request.server";

/**
 * Where a failed social or OpenID Connect sign-in lands (better-auth redirects here with
 * `?error=<code>`): what happened and what to do next. The attempt itself is already in the
 * audit log (tenant-auth's after-hook records the failed callback), so this page records nothing.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  const raw = new URL(request.url).searchParams.get("error");
  const code = raw && /^[\w.-]{1,100}$/.test(raw) ? raw : null;
  return data({ basePath: live.basePath, kind: socialErrorKind(code), code }, { status: 400 });
}

export const meta: MetaFunction = ({ matches }) => [{ title: hostedPageTitle(matches, "social.error.title") }];

const EXPLANATIONS: Record<SocialErrorKind, { what: MessageKey; next: MessageKey }> = {
  state: { what: "social.error.state", next: "social.error.stateNext" },
  denied: { what: "social.error.denied", next: "social.error.deniedNext" },
  notLinked: { what: "social.error.notLinked", next: "social.error.notLinkedNext" },
  noEmail: { what: "social.error.noEmail", next: "social.error.noEmailNext" },
  signUpClosed: { what: "social.error.signUpClosed", next: "social.error.signUpClosedNext" },
  unavailable: { what: "social.error.unavailable", next: "social.error.unavailableNext" },
  other: { what: "social.error.other", next: "social.error.otherNext" },
};

export default function SignInError() {
  const { basePath, kind, code } = useLoaderData<typeof loader>();
  const t = useTranslate();
  const { what, next } = EXPLANATIONS[kind];
  return (
    <>
      <h1 className="text-xl font-semibold">{t("social.error.title")}</h1>
      <div role="alert" className="mt-4 rounded-theme border border-danger px-3 py-3 text-sm">
        <p>{t(what)}</p>
        <p className="mt-2 font-medium">{t(next)}</p>
      </div>
      {code ? <p className="mt-3 text-xs text-muted">{t("social.error.code", { code })}</p> : null}
      <Link
        to={`${basePath}/sign-in`}
        className="mt-6 flex justify-center rounded-theme bg-primary px-4 py-2.5 font-semibold text-primary-foreground hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary"
      >
        {t("social.error.back")}
      </Link>
    </>
  );
}
