import type { ReactNode } from "react";
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translate";
import { LanguageSwitcher, type LanguageChoice } from "./language-switcher";
import { TENANT_SCOPE_ATTRIBUTE } from "./scope";
import { imageUrl, type Theme } from "./theme";

/** What the shell needs of a theme, with images already resolved to URLs. */
export type ShellTheme = {
  productName: string;
  logo: { light: string; dark: string };
  darkMode: Theme["darkMode"];
  layout: { kind: Theme["layout"]["kind"]; image: string };
  legal: Theme["legal"];
  showPoweredBy: boolean;
};

/** The shell's view of a theme: product name falls back to the tenant's, images become URLs. */
export function shellTheme(theme: Theme, tenantName: string, tenantBase: string): ShellTheme {
  return {
    productName: theme.productName || tenantName,
    logo: { light: imageUrl(theme.logo.light, tenantBase), dark: imageUrl(theme.logo.dark, tenantBase) },
    darkMode: theme.darkMode,
    layout: { kind: theme.layout.kind, image: imageUrl(theme.layout.image, tenantBase) },
    legal: theme.legal,
    showPoweredBy: theme.showPoweredBy,
  };
}

/**
 * The branded frame of every hosted page (and of the console's preview): logo or product
 * name, a centred card or a split screen with the tenant's image, legal links and the
 * optional "Powered by". `mode` forces light or dark logos (the preview); otherwise the
 * dark-mode policy decides, and "system" lets the browser pick with a media query.
 * Everything the tenant typed is rendered as text or as an attribute React escapes.
 */
export function HostedShell({
  theme,
  t,
  poweredBy,
  mode,
  languages,
  children,
}: {
  theme: ShellTheme;
  t: Translate;
  poweredBy: string;
  mode?: "light" | "dark";
  /** The page's language and the switcher's links; the console's preview has none. */
  languages?: { current: Locale; choices: LanguageChoice[] };
  children: ReactNode;
}) {
  const card = (
    <main className="w-full max-w-sm">
      <Brand theme={theme} t={t} mode={mode} />
      <div className="rounded-theme border border-border bg-card p-6 shadow-sm sm:p-8">{children}</div>
      <Footer theme={theme} t={t} poweredBy={poweredBy} languages={languages} />
    </main>
  );
  const scope = { [TENANT_SCOPE_ATTRIBUTE]: "" };
  if (theme.layout.kind === "split")
    return (
      <div {...scope} className="grid min-h-screen bg-background text-foreground md:grid-cols-2" data-layout="split">
        <div className="relative hidden bg-primary md:block" data-testid="split-panel">
          {theme.layout.image ? (
            <img src={theme.layout.image} alt="" className="absolute inset-0 h-full w-full object-cover" />
          ) : null}
        </div>
        <div className="flex flex-col items-center justify-center px-4 py-10">{card}</div>
      </div>
    );
  return (
    <div
      {...scope}
      className="flex min-h-screen flex-col items-center justify-center bg-background px-4 py-10 text-foreground"
      data-layout="centered"
    >
      {card}
    </div>
  );
}

function Brand({ theme, t, mode }: { theme: ShellTheme; t: Translate; mode?: "light" | "dark" }) {
  const { light, dark } = theme.logo;
  const policy = mode ?? theme.darkMode;
  const alt = t("theme.logoAlt", { name: theme.productName });
  if (!light && !dark)
    return (
      <p className="mb-6 text-center text-lg font-bold tracking-tight" data-testid="product-name">
        {theme.productName}
      </p>
    );
  const logoClass = "mx-auto mb-6 block max-h-12 w-auto max-w-full";
  if (policy === "system" && light && dark)
    return (
      <picture>
        <source srcSet={dark} media="(prefers-color-scheme: dark)" />
        <img src={light} alt={alt} className={logoClass} data-testid="logo" />
      </picture>
    );
  const src = policy === "dark" ? dark || light : light || dark;
  return <img src={src} alt={alt} className={logoClass} data-testid="logo" />;
}

function Footer({
  theme,
  t,
  poweredBy,
  languages,
}: {
  theme: ShellTheme;
  t: Translate;
  poweredBy: string;
  languages?: { current: Locale; choices: LanguageChoice[] };
}) {
  const links = [
    { href: theme.legal.termsUrl, label: t("theme.terms") },
    { href: theme.legal.privacyUrl, label: t("theme.privacy") },
    { href: theme.legal.supportUrl, label: t("theme.support") },
  ].filter((link) => link.href);
  const switcher = languages ? (
    <LanguageSwitcher current={languages.current} choices={languages.choices} t={t} />
  ) : null;
  if (links.length === 0 && !theme.showPoweredBy && (languages?.choices.length ?? 0) < 2) return null;
  return (
    <footer className="mt-6 flex flex-col items-center gap-2 text-sm text-muted">
      {links.length > 0 ? (
        <nav aria-label={t("theme.legalLinks")}>
          <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1">
            {links.map((link) => (
              <li key={link.label}>
                <a href={link.href} className="underline underline-offset-4 hover:text-foreground" rel="noopener">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {switcher}
      {theme.showPoweredBy ? <p data-testid="powered-by">{t("common.poweredBy", { name: poweredBy })}</p> : null}
    </footer>
  );
}
