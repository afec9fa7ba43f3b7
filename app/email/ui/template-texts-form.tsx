import { Form, type SubmitFunction } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { FormField, TextAreaField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import type { Locale } from "~/i18n/locales";

export type TextField = {
  part: string;
  label: string;
  placeholders: string[];
  maxLength: number;
  multiline: boolean;
  text: string;
  fallback: string;
};

/** How long typing pauses before the preview is rendered again. */
const PREVIEW_DELAY_MS = 300;

/**
 * One email's texts in one language. Every change re-renders the preview on the server (the
 * real template in the tenant's theme, unsaved); Save publishes them. An empty field keeps
 * Portico's text, shown as its placeholder.
 */
export function TemplateTextsForm({
  action,
  locale,
  fields,
  errors,
  submitPreview,
  saving,
}: {
  action: string;
  locale: Locale;
  fields: TextField[];
  errors: Record<string, string>;
  /** A fetcher's submit: the preview is its answer. */
  submitPreview: SubmitFunction;
  saving: boolean;
}) {
  const form = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const schedulePreview = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!form.current) return;
      const data = new FormData(form.current);
      data.set("intent", "preview");
      void submitPreview(data, { method: "post", action });
    }, PREVIEW_DELAY_MS);
  };
  return (
    <Form
      ref={form}
      method="post"
      action={action}
      onChange={schedulePreview}
      className="flex flex-col gap-4"
      noValidate
    >
      <input type="hidden" name="locale" value={locale} />
      {fields.map((field) => {
        const hint = field.placeholders.length
          ? `Placeholders: ${field.placeholders.map((name) => `{${name}}`).join(", ")}. Empty: Portico's text.`
          : "Empty: Portico's text.";
        const common = {
          name: `texts.${field.part}`,
          label: field.label,
          defaultValue: field.text,
          placeholder: field.fallback,
          maxLength: field.maxLength,
          lang: locale,
          hint,
          error: errors[`texts.${field.part}`],
        };
        return field.multiline ? (
          <TextAreaField key={field.part} rows={3} {...common} />
        ) : (
          <FormField key={field.part} {...common} />
        );
      })}
      {errors.locale ? <p className="text-sm font-medium text-danger">{errors.locale}</p> : null}
      <div>
        <Button name="intent" value="save" disabled={saving}>
          Save texts
        </Button>
      </div>
    </Form>
  );
}
