import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { isTrustedFormPost } from "~/auth/hosted-forms.server";
import { readForm } from "~/http/read-form.server";
import { hostedPageTitle } from "~/i18n/hosted-meta";
import type { MessageKey } from "~/i18n/messages";
import { useTranslate } from "~/i18n/use-translate";
import { answerConsent, consentView } from "~/oauth-provider/hosted-flow.server";
import { oauthHostedPaths } from "~/oauth-provider/plugin.server";
import { requireTenant } from "~/tenancy/request.server";

/** The consent page: which application asks for what, Allow or Deny (plain form posts, no JavaScript needed). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  return consentView(live, request, oauthHostedPaths(live.tenant.slug).signIn);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  if (!isTrustedFormPost(request, live))
    throw new Response("This form was sent from a page we do not trust.", { status: 403 });
  return answerConsent(live, request, await readForm(request), oauthHostedPaths(live.tenant.slug).signIn);
}

export const meta: MetaFunction = ({ matches }) => [{ title: hostedPageTitle(matches, "oauth.consent.pageTitle") }];

const SCOPE_MESSAGES: Record<string, MessageKey> = {
  openid: "oauth.scope.openid",
  profile: "oauth.scope.profile",
  email: "oauth.scope.email",
  offline_access: "oauth.scope.offline_access",
  organizations: "oauth.scope.organizations",
};

const BUTTON =
  "flex-1 rounded-theme px-4 py-2.5 font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary";

export default function Consent() {
  const { oauthQuery, client, scopes, redirectHost, user } = useLoaderData<typeof loader>();
  const tenant = useRouteLoaderData<{ tenant?: { name?: string } }>("routes/t.$tenant")?.tenant;
  const t = useTranslate();
  return (
    <>
      {client.logoUri ? (
        <img src={client.logoUri} alt="" className="mb-4 h-12 w-12 rounded-theme object-contain" />
      ) : null}
      <h1 className="text-xl font-semibold">
        {t("oauth.consent.title", { client: client.name, tenant: tenant?.name ?? "" })}
      </h1>
      <p className="mt-1 text-sm text-muted">{t("oauth.consent.signedInAs", { email: user.email })}</p>
      <p className="mt-4 text-sm font-medium">{t("oauth.consent.wants", { client: client.name })}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {scopes.map((scope) => (
          <li key={scope}>{SCOPE_MESSAGES[scope] ? t(SCOPE_MESSAGES[scope]) : t("oauth.scope.other", { scope })}</li>
        ))}
      </ul>
      <p className="mt-4 text-xs text-muted">{t("oauth.consent.redirect", { host: redirectHost })}</p>
      <Form method="post" className="mt-6 flex gap-3">
        <input type="hidden" name="oauth_query" value={oauthQuery} />
        <button type="submit" name="decision" value="deny" className={`${BUTTON} border border-border`}>
          {t("oauth.consent.deny")}
        </button>
        <button
          type="submit"
          name="decision"
          value="allow"
          className={`${BUTTON} bg-primary text-primary-foreground hover:opacity-90`}
        >
          {t("oauth.consent.allow")}
        </button>
      </Form>
      {client.tosUri || client.policyUri ? (
        <p className="mt-4 flex gap-4 text-xs text-muted">
          {client.tosUri ? (
            <a href={client.tosUri} rel="noreferrer">
              {t("oauth.consent.terms")}
            </a>
          ) : null}
          {client.policyUri ? (
            <a href={client.policyUri} rel="noreferrer">
              {t("oauth.consent.privacy")}
            </a>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
