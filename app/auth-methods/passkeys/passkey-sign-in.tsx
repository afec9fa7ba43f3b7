import { useRouteLoaderData } from "@remix-run/react";
import { browserSupportsWebAuthn, browserSupportsWebAuthnAutofill } from "@simplewebauthn/browser";
import { useEffect, useRef, useState } from "react";
import type { MessageKey } from "~/i18n/messages";
import { useTranslate } from "~/i18n/use-translate";
import { signInWithPasskey } from "./webauthn";

/**
 * "Sign in with a passkey" for the hosted sign-in page, plus the browser's autofill suggestion
 * on the email field (conditional UI, where the browser supports it; the field carries
 * `autocomplete="username webauthn"`). Needs JavaScript, so it appears only once the page is
 * running it; the other methods on the page work without.
 */
export function PasskeySignIn({
  enabled,
  basePath,
  redirectTo,
}: {
  enabled: boolean;
  basePath: string;
  redirectTo: string | null;
}) {
  const t = useTranslate();
  const tenant = useRouteLoaderData<{ tenant: { name: string } }>("routes/t.$tenant")?.tenant.name ?? "";
  const [supported, setSupported] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const apiBase = `${basePath}/api/auth`;
  const target = redirectTo ?? `${basePath}/account`;
  const secondStep = `${basePath}/two-factor${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`;
  const started = useRef(false);

  useEffect(() => {
    if (!enabled || started.current) return;
    started.current = true;
    setSupported(browserSupportsWebAuthn());
    void (async () => {
      if (!(await browserSupportsWebAuthnAutofill())) return;
      const failure = await signInWithPasskey(apiBase, { autofill: true });
      if (failure === null) window.location.assign(target);
      else if (failure === "two-factor") window.location.assign(secondStep);
      else if (failure !== "aborted" && failure !== "authErrors.passkeyCancelled") setError(failure);
    })();
  }, [enabled, apiBase, target, secondStep]);

  if (!enabled || !supported) return null;

  const signIn = async () => {
    setError(null);
    setPending(true);
    const failure = await signInWithPasskey(apiBase, { autofill: false });
    if (failure === null) return window.location.assign(target);
    if (failure === "two-factor") return window.location.assign(secondStep);
    setPending(false);
    if (failure !== "aborted") setError(failure);
  };

  return (
    <div className="mt-6 flex flex-col gap-3">
      {error ? (
        <p role="alert" className="rounded-theme border border-danger px-3 py-2 text-sm font-medium text-danger">
          {t(error, { tenant })}
        </p>
      ) : null}
      <button
        type="button"
        onClick={signIn}
        disabled={pending}
        className="rounded-theme border border-border bg-card px-4 py-2.5 font-semibold hover:bg-muted/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary disabled:opacity-60"
      >
        {pending ? t("passkeys.signIn.pending") : t("passkeys.signIn.button")}
      </button>
    </div>
  );
}
