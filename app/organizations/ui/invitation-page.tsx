import { Form, Link } from "@remix-run/react";
import { FormError } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { translateMessage, type Message } from "~/i18n/message";
import { useTranslate } from "~/i18n/use-translate";
import type { InvitationView } from "../invitations.server";
import { useRoleLabel } from "./role-label";

const linkClass = "font-medium text-primary underline-offset-4 hover:underline";

/** What an invitation link shows: accept or decline, or how to get signed in with the invited email. */
export function InvitationPage({
  basePath,
  invitation,
  signUpMode,
  multiSession,
  result,
}: {
  basePath: string;
  invitation: InvitationView;
  signUpMode: "open" | "invite-only" | "closed";
  /** With several accounts per browser, the invited one can be added beside the current one. */
  multiSession: boolean;
  result?: { ok: false; errors: Partial<Record<string, Message>> };
}) {
  const t = useTranslate();
  const roleLabel = useRoleLabel();
  if (invitation.state === "unknown") {
    return (
      <>
        <h1 className="text-xl font-semibold">{t("organizations.invitation.unknownTitle")}</h1>
        <p className="mt-2 text-sm text-muted">{t("organizations.invitation.unknownText")}</p>
      </>
    );
  }
  const here = `${basePath}/invitations/${invitation.id}`;
  const back = encodeURIComponent(here);
  return (
    <>
      <h1 className="text-xl font-semibold">
        {t("organizations.invitation.title", { organization: invitation.organization.name })}
      </h1>
      <p className="mt-2 text-sm text-muted">
        {t("organizations.invitation.text", {
          inviter: invitation.inviter,
          organization: invitation.organization.name,
          role: roleLabel(invitation.role),
          email: invitation.email,
        })}
      </p>
      {invitation.state !== "pending" ? (
        <p role="alert" className="mt-4 rounded-theme border border-border px-3 py-2 text-sm">
          {t(`organizations.invitation.${invitation.state}`)}
        </p>
      ) : invitation.viewer?.isInvitee ? (
        <div className="mt-6 flex flex-col gap-3">
          <FormError message={translateMessage(t, result?.errors.form)} />
          <Form method="post" action={here} className="flex flex-col">
            <input type="hidden" name="intent" value="accept" />
            <Button>{t("organizations.invitation.accept")}</Button>
          </Form>
          <Form method="post" action={here} className="flex flex-col">
            <input type="hidden" name="intent" value="decline" />
            <Button variant="secondary">{t("organizations.invitation.decline")}</Button>
          </Form>
        </div>
      ) : invitation.viewer ? (
        <p role="alert" className="mt-4 rounded-theme border border-border px-3 py-2 text-sm">
          {t("organizations.invitation.otherAccount", { email: invitation.email, viewer: invitation.viewer.email })}{" "}
          {multiSession ? (
            <Link to={`${basePath}/sign-in?addAccount=1&redirectTo=${back}`} className={linkClass}>
              {t("organizations.invitation.addAccount", { email: invitation.email })}
            </Link>
          ) : (
            <Link to={`${basePath}/account`} className={linkClass}>
              {t("organizations.backToAccount")}
            </Link>
          )}
        </p>
      ) : (
        <div className="mt-6 flex flex-col gap-2 text-sm">
          <p>{t("organizations.invitation.signInFirst", { email: invitation.email })}</p>
          <Link to={`${basePath}/sign-in?redirectTo=${back}`} className={linkClass}>
            {t("organizations.invitation.signIn")}
          </Link>
          {!invitation.hasAccount && signUpMode !== "closed" ? (
            <Link
              to={`${basePath}/sign-up?invitation=${encodeURIComponent(invitation.id)}&redirectTo=${back}`}
              className={linkClass}
            >
              {t("organizations.invitation.signUp")}
            </Link>
          ) : null}
        </div>
      )}
    </>
  );
}
