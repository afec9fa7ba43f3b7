import { LOCALE_NAMES, type Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translate";

/** One language the switcher offers: its tag and the link that picks it. */
export type LanguageChoice = { locale: Locale; href: string };

/**
 * The `?lang=` link for each offered language, keeping the page's other query parameters
 * (a sign-in's redirect target, an invitation id). Relative, so it stays on the page's path
 * on the shared host and on a custom domain alike.
 */
export function languageChoices(offered: readonly Locale[], url: URL): LanguageChoice[] {
  return offered.map((locale) => {
    const params = new URLSearchParams(url.search);
    params.set("lang", locale);
    return { locale, href: `?${params.toString()}` };
  });
}

/**
 * The footer's language menu: a `<details>` list of plain links, so it works without
 * JavaScript and on custom domains where no client script runs. Each language is named in
 * itself ("Français", "日本語") and marked with its own `lang` so screen readers say it right.
 */
export function LanguageSwitcher({
  current,
  choices,
  t,
}: {
  current: Locale;
  choices: LanguageChoice[];
  t: Translate;
}) {
  if (choices.length < 2) return null;
  return (
    <details className="relative" data-testid="language-switcher">
      <summary className="cursor-pointer list-none underline-offset-4 hover:text-foreground hover:underline">
        <svg
          aria-hidden="true"
          viewBox="0 0 16 16"
          className="me-1 inline-block h-3.5 w-3.5 align-[-2px]"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.3"
        >
          <circle cx="8" cy="8" r="6.5" />
          <path d="M1.5 8h13M8 1.5c1.8 1.8 2.6 4 2.6 6.5S9.8 12.7 8 14.5M8 1.5C6.2 3.3 5.4 5.5 5.4 8s.8 4.7 2.6 6.5" />
        </svg>
        <span className="sr-only">{t("theme.language")}: </span>
        {LOCALE_NAMES[current]}
      </summary>
      <ul
        aria-label={t("theme.language")}
        className="absolute bottom-full start-1/2 z-10 mb-2 min-w-40 -translate-x-1/2 rounded-theme border border-border bg-card py-1 text-start shadow-sm rtl:translate-x-1/2"
      >
        {choices.map(({ locale, href }) => (
          <li key={locale}>
            <a
              href={href}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
              className="block px-3 py-1 hover:bg-background aria-[current]:font-semibold"
            >
              {LOCALE_NAMES[locale]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
