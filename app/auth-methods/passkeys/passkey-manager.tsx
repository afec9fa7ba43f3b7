import { Form, useRevalidator, useSearchParams } from "@remix-run/react";
import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { useEffect, useState } from "react";
import { FormError } from "~/components/form-field";
import type { MessageKey } from "~/i18n/messages";
import { useLocale, useTranslate } from "~/i18n/use-translate";
import type { AccountPasskey } from "./passkeys.server";
import { registerPasskey } from "./webauthn";

const OUTCOMES: Record<string, { key: MessageKey; error: boolean }> = {
  renamed: { key: "passkeys.account.renamed", error: false },
  deleted: { key: "passkeys.account.deleted", error: false },
  "name-invalid": { key: "passkeys.errors.nameRequired", error: true },
  "not-found": { key: "passkeys.errors.notFound", error: true },
};

/**
 * The account page's passkeys: list (name, when added, synced or bound to one device), rename
 * and delete with plain forms, and "Add a passkey", which needs the browser's WebAuthn API.
 */
export function PasskeyManager({ basePath, passkeys }: { basePath: string; passkeys: AccountPasskey[] | null }) {
  const t = useTranslate();
  const locale = useLocale();
  const revalidator = useRevalidator();
  const [searchParams] = useSearchParams();
  const [canRegister, setCanRegister] = useState<boolean | null>(null);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<{ key: MessageKey; error: boolean } | null>(null);
  const outcomeParam = searchParams.get("passkey");
  useEffect(() => setCanRegister(browserSupportsWebAuthn()), []);
  // A rename or delete (a form post and redirect) replaces the last registration's message.
  useEffect(() => setNotice(null), [outcomeParam]);
  if (!passkeys) return null;
  const outcome = notice ?? OUTCOMES[outcomeParam ?? ""] ?? null;

  const add = async () => {
    setPending(true);
    setNotice(null);
    const failure = await registerPasskey(`${basePath}/api/auth`);
    setPending(false);
    if (failure === "aborted") return;
    setNotice(failure ? { key: failure, error: true } : { key: "passkeys.account.added", error: false });
    if (!failure) revalidator.revalidate();
  };

  return (
    <section id="passkeys" className="mt-8 border-t border-border pt-6" aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading" className="font-semibold">
        {t("passkeys.account.title")}
      </h2>
      <p className="mt-1 text-sm text-muted">{t("passkeys.account.intro")}</p>
      <div className="mt-3">
        {outcome?.error ? (
          <FormError message={t(outcome.key)} />
        ) : outcome ? (
          <p role="status" className="text-sm font-medium">
            {t(outcome.key)}
          </p>
        ) : null}
      </div>
      {passkeys.length === 0 ? (
        <p className="mt-3 text-sm">{t("passkeys.account.none")}</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-4" aria-label={t("passkeys.account.title")}>
          {passkeys.map((passkey) => {
            const name = passkey.name || t("passkeys.account.unnamed");
            return (
              <li key={passkey.id} className="rounded-theme border border-border p-3" data-testid="passkey">
                <p className="font-medium">{name}</p>
                <p className="text-sm text-muted">
                  {passkey.createdAt
                    ? t("passkeys.account.created", {
                        date: new Date(passkey.createdAt).toLocaleDateString(locale, { dateStyle: "medium" }),
                      })
                    : null}
                  {" · "}
                  {t(passkey.synced ? "passkeys.account.synced" : "passkeys.account.deviceBound")}
                </p>
                <div className="mt-2 flex flex-wrap items-end gap-2">
                  <Form method="post" action={`${basePath}/account/passkeys`} className="flex items-end gap-2">
                    <input type="hidden" name="intent" value="rename" />
                    <input type="hidden" name="id" value={passkey.id} />
                    <input
                      name="name"
                      defaultValue={passkey.name ?? ""}
                      maxLength={64}
                      required
                      aria-label={t("passkeys.account.name", { name })}
                      className="w-40 rounded-theme border border-border bg-card px-2 py-1 text-sm outline-none focus-visible:ring-2 focus-visible:ring-primary"
                    />
                    <button
                      type="submit"
                      className="rounded-theme border border-border px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary"
                    >
                      {t("passkeys.account.rename")}
                    </button>
                  </Form>
                  <Form method="post" action={`${basePath}/account/passkeys`}>
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="id" value={passkey.id} />
                    <button
                      type="submit"
                      className="rounded-theme border border-danger px-3 py-1 text-sm font-medium text-danger focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary"
                    >
                      {t("passkeys.account.delete", { name })}
                    </button>
                  </Form>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {canRegister === false ? (
        <p className="mt-3 text-sm text-muted">{t("passkeys.errors.unsupported")}</p>
      ) : canRegister === null ? (
        <p className="mt-3 text-sm text-muted">{t("passkeys.account.needsJavaScript")}</p>
      ) : (
        <button
          type="button"
          onClick={add}
          disabled={pending}
          className="mt-4 w-full rounded-theme border border-border bg-card px-4 py-2.5 font-semibold hover:bg-muted/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary disabled:opacity-60"
        >
          {pending ? t("passkeys.account.adding") : t("passkeys.account.add")}
        </button>
      )}
    </section>
  );
}
