import { useState } from "react";
import { FormField } from "~/components/form-field";
import { Card } from "~/components/ui/layout";
import { SelectField } from "~/components/ui/select-field";
import { LOCALE_NAMES, type Locale } from "~/i18n/locales";
import { copyFallback } from "~/theme/copy";
import type { Theme } from "~/theme/theme";
import { copyFieldLabel } from "./field-labels";

/**
 * The theme's texts for one offered language at a time. Each field shows, as its placeholder
 * and its hint, what an empty field falls back to: the default language's text when the
 * tenant wrote one, else Portico's text for the language (decision 0029).
 */
export function CopyCard({
  theme,
  defaults,
  errors,
  update,
}: {
  theme: Theme;
  defaults: Record<Locale, Record<string, string>>;
  errors: Record<string, string>;
  update: (path: string, value: unknown) => void;
}) {
  const [chosen, setLocale] = useState<Locale>(theme.locale.default);
  // Languages no longer offered are not edited; their stored texts stay until offered again.
  const locale = theme.locale.offered.includes(chosen) ? chosen : theme.locale.default;
  const copy = theme.copy[locale] ?? {};
  const defaultName = LOCALE_NAMES[theme.locale.default];
  return (
    <Card title="Texts">
      <p className="-mt-2 mb-4 text-sm text-muted">
        Replace page titles, subtitles, button labels and footer links in each offered language. An empty field uses the{" "}
        {defaultName} text you wrote, else Portico's text for the language, shown as the placeholder.
      </p>
      <div className="flex flex-col gap-4">
        <SelectField
          label="Language of these texts"
          value={locale}
          options={theme.locale.offered.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
          onChange={(event) => setLocale(event.target.value as Locale)}
        />
        {Object.entries(defaults[locale]).map(([key, builtIn]) => {
          const fallback = copyFallback(theme, locale, key, builtIn);
          return (
            <FormField
              key={`${locale}-${key}`}
              lang={locale}
              label={copyFieldLabel(locale, key)}
              value={copy[key] ?? ""}
              placeholder={fallback.text}
              hint={
                copy[key]
                  ? undefined
                  : fallback.source === "default-language"
                    ? `Empty: uses your ${defaultName} text.`
                    : "Empty: uses Portico's text."
              }
              maxLength={300}
              onChange={(event) => update(`copy.${locale}`, { ...copy, [key]: event.target.value })}
              error={errors[`copy.${locale}.${key}`]}
            />
          );
        })}
      </div>
    </Card>
  );
}
