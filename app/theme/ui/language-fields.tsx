import { CheckboxField } from "~/components/ui/checkbox-field";
import { SelectField } from "~/components/ui/select-field";
import { LOCALE_NAMES, LOCALES, type Locale } from "~/i18n/locales";
import type { Theme } from "~/theme/theme";

/** The offered-language checkboxes in groups a tenant scans quickly: by script, right-to-left apart. */
const GROUPS: { legend: string; locales: Locale[] }[] = [
  { legend: "Latin script", locales: ["en", "de", "fr", "es", "pt-BR", "it", "nl", "pl", "tr"] },
  { legend: "East Asian", locales: ["ja", "ko", "zh-CN"] },
  { legend: "Right to left", locales: ["ar", "he"] },
];

/**
 * The theme's language settings: the default language, the languages offered (each named in
 * itself, with its tag), and whether the browser's Accept-Language picks among them. The
 * server refuses a default that is not offered; its error shows on the default's field.
 */
export function LanguageFields({
  theme,
  errors,
  update,
}: {
  theme: Theme;
  errors: Record<string, string>;
  update: (path: string, value: unknown) => void;
}) {
  const toggle = (locale: Locale, checked: boolean) =>
    update(
      "locale.offered",
      checked
        ? LOCALES.filter((known) => known === locale || theme.locale.offered.includes(known))
        : theme.locale.offered.filter((offered) => offered !== locale),
    );
  return (
    <div className="flex flex-col gap-4">
      <SelectField
        label="Default language"
        value={theme.locale.default}
        options={LOCALES.map((locale) => ({ value: locale, label: `${LOCALE_NAMES[locale]} (${locale})` }))}
        onChange={(event) => update("locale.default", event.target.value)}
        error={errors["locale.default"]}
      />
      <fieldset
        className="flex flex-col gap-3"
        aria-describedby={errors["locale.offered"] ? "offered-error" : undefined}
      >
        <legend className="mb-1 text-sm font-medium">Offered languages</legend>
        {GROUPS.map((group) => (
          <fieldset key={group.legend} className="flex flex-col gap-1">
            <legend className="text-xs uppercase tracking-wide text-muted">{group.legend}</legend>
            <div className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3">
              {group.locales.map((locale) => (
                <CheckboxField
                  key={locale}
                  lang={locale}
                  label={`${LOCALE_NAMES[locale]} (${locale})`}
                  checked={theme.locale.offered.includes(locale)}
                  onChange={(event) => toggle(locale, event.target.checked)}
                />
              ))}
            </div>
          </fieldset>
        ))}
        {errors["locale.offered"] ? (
          <p id="offered-error" className="text-sm font-medium text-danger" aria-live="polite">
            {errors["locale.offered"]}
          </p>
        ) : null}
      </fieldset>
      <CheckboxField
        label="Use the language the browser asks for, when offered"
        checked={theme.locale.followBrowser}
        onChange={(event) => update("locale.followBrowser", event.target.checked)}
      />
    </div>
  );
}
