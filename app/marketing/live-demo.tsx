import { createElement, useEffect, useRef, useState } from "react";

const WIDGET_BUNDLE = "/widgets/portico.js";

/** The decoded parts of the JWT the widget emits on `portico:signed-in`. */
type SignedIn = { email: string; header: unknown; claims: unknown };

function decodeSegment(segment: string): unknown {
  const base64 = segment.replace(/-/g, "+").replace(/_/g, "/");
  const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** A JWT's header and claims, read without verifying (the panel only shows them). */
export function decodeJwt(token: string): { header: unknown; claims: unknown } {
  const [header = "", claims = ""] = token.split(".");
  return { header: decodeSegment(header), claims: decodeSegment(claims) };
}

type Props = {
  /** The demo tenant's slug. */
  tenant: string;
  /** Whether /widgets/portico.js exists in this build. */
  widget: boolean;
};

function HostedFallback({ tenant }: { tenant: string }) {
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="demo-fallback">
      <p className="text-muted">
        Try the demo tenant&apos;s hosted pages: create an account, sign out and sign in again. The same flows run in
        the embeddable widget.
      </p>
      <div className="flex flex-wrap gap-3">
        <a
          href={`/t/${tenant}/sign-up`}
          className="rounded-theme bg-primary px-4 py-2 font-semibold text-primary-foreground hover:opacity-90"
        >
          Open the demo sign-up
        </a>
        <a href={`/t/${tenant}/sign-in`} className="rounded-theme border border-border px-4 py-2 font-semibold">
          Demo sign-in
        </a>
      </div>
    </div>
  );
}

/**
 * The landing page's live demo: the real `<auth-login>` widget on the demo tenant, and a
 * panel showing the JWT it emits after a sign-up or sign-in, decoded. Without the widget
 * bundle (or before it loads) it offers the demo tenant's hosted pages instead.
 */
export function LiveDemo({ tenant, widget }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);
  const [signedIn, setSignedIn] = useState<SignedIn | null>(null);

  // The landing page and the demo tenant share an origin, so the widget uses the tenant's
  // session cookie (mode="cookie") rather than bearer tokens.
  useEffect(() => {
    if (!widget) return;
    // Served by server.ts from the widget build, outside the app's own bundle.
    const bundle: string = WIDGET_BUNDLE;
    import(/* @vite-ignore */ bundle).then(
      () => setLoaded(true),
      () => setFailed(true),
    );
  }, [widget]);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const onSignedIn = (event: Event) => {
      const { user, token } = (event as CustomEvent<{ user: { email: string }; token: string | null }>).detail;
      setSignedIn(
        token ? { email: user.email, ...decodeJwt(token) } : { email: user.email, header: null, claims: null },
      );
    };
    element.addEventListener("portico:signed-in", onSignedIn);
    return () => element.removeEventListener("portico:signed-in", onSignedIn);
  }, []);

  const showWidget = widget && !failed;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div ref={host} className="rounded-theme border border-border bg-card p-5 shadow-sm">
        {showWidget ? createElement("auth-login", { tenant, start: "sign-up", mode: "cookie" }) : null}
        {showWidget && loaded ? null : <HostedFallback tenant={tenant} />}
      </div>
      <div className="rounded-theme border border-border bg-card p-5 shadow-sm" aria-live="polite">
        <h3 className="font-semibold">What your app receives</h3>
        {signedIn ? (
          <>
            <p className="mt-2 text-sm text-muted" data-testid="demo-signed-in">
              Signed in as <strong className="text-foreground">{signedIn.email}</strong>.{" "}
              {signedIn.claims ? "The widget emitted this JWT, decoded:" : "JWTs are off for this tenant."}
            </p>
            {signedIn.claims ? (
              <pre
                className="mt-3 overflow-x-auto rounded-theme bg-background p-3 text-xs"
                data-testid="demo-jwt-claims"
              >
                <code>{JSON.stringify({ header: signedIn.header, claims: signedIn.claims }, null, 2)}</code>
              </pre>
            ) : null}
          </>
        ) : (
          <p className="mt-2 text-sm text-muted">
            Sign up or sign in with the widget: it emits a <code>portico:signed-in</code> event with a signed JWT, which
            appears here decoded. Your backend verifies it against the tenant&apos;s JWKS.
          </p>
        )}
      </div>
    </div>
  );
}
