import { useEffect, useRef, useState } from "react";
import { solveAltcha } from "~/bot-protection/solve";
import type { BotCheckView } from "~/bot-protection/hosted.server";
import { useTranslate } from "~/i18n/use-translate";

const PROVIDER_SCRIPTS = {
  turnstile: { src: "https://challenges.cloudflare.com/turnstile/v0/api.js", className: "cf-turnstile" },
  hcaptcha: { src: "https://js.hcaptcha.com/1/api.js", className: "h-captcha" },
  recaptcha: { src: "https://www.google.com/recaptcha/api.js", className: "g-recaptcha" },
} as const;

/**
 * The bot check inside a hosted form. ALTCHA: solves the challenge the loader embedded and
 * fills the hidden `altcha` field; a submit before it is done waits for it, then goes on.
 * Without JavaScript the field stays empty and the server applies its no-script budget.
 * Third-party providers: their widget, which fills its own response field.
 */
export function BotCheck({ view }: { view: BotCheckView }) {
  if (view.provider === "off") return null;
  if (view.provider === "altcha") return <AltchaField view={view} />;
  return <ThirdPartyWidget provider={view.provider} siteKey={view.siteKey} />;
}

function AltchaField({ view }: { view: Extract<BotCheckView, { provider: "altcha" }> }) {
  const input = useRef<HTMLInputElement>(null);
  // The server-rendered state is "no-script": it only changes once this code runs in the browser.
  const [state, setState] = useState<"no-script" | "working" | "done" | "failed">("no-script");
  const t = useTranslate();
  useEffect(() => {
    const field = input.current;
    const form = field?.form;
    if (!field || !form) return;
    let cancelled = false;
    let settled = false;
    setState("working");
    // A new challenge (the form came back refused): the old solution has been spent.
    field.value = "";
    const solved = solveAltcha(view.challenge).then((value) => {
      settled = true;
      if (cancelled) return;
      field.value = value ?? "";
      setState(value ? "done" : "failed");
    });
    let waiting = false;
    // Runs before React's own submit handler (which listens at the root), so it can hold the submit.
    const holdSubmit = (event: SubmitEvent) => {
      // Solved, or given up: send it (an empty field falls back to the no-script budget).
      if (settled) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (waiting) return;
      waiting = true;
      const submitter = event.submitter;
      void solved.then(() => {
        waiting = false;
        form.requestSubmit(submitter instanceof HTMLButtonElement ? submitter : undefined);
      });
    };
    form.addEventListener("submit", holdSubmit);
    return () => {
      cancelled = true;
      form.removeEventListener("submit", holdSubmit);
    };
    // A new challenge (after the loader revalidates) starts over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.challenge.signature]);
  return (
    <>
      <input ref={input} type="hidden" name="altcha" defaultValue="" data-testid="altcha-field" />
      <p className="text-xs text-muted" aria-live="polite" data-state={state} data-testid="bot-check-status">
        {state === "no-script"
          ? t("botCheck.noScript")
          : state === "working"
            ? t("botCheck.working")
            : state === "done"
              ? t("botCheck.done")
              : null}
      </p>
    </>
  );
}

function ThirdPartyWidget({ provider, siteKey }: { provider: keyof typeof PROVIDER_SCRIPTS; siteKey: string }) {
  const { src, className } = PROVIDER_SCRIPTS[provider];
  useEffect(() => {
    if (document.querySelector(`script[src="${src}"]`)) return;
    const script = document.createElement("script");
    script.src = src;
    script.async = true;
    document.head.appendChild(script);
  }, [src]);
  return <div className={className} data-sitekey={siteKey} />;
}
