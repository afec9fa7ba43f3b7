import { Form, useActionData, useFetcher, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { CheckboxField } from "~/components/ui/checkbox-field";
import { Badge, Card, PageHeader } from "~/components/ui/layout";
import { SelectField } from "~/components/ui/select-field";
import type { action as previewAction } from "~/routes/admin_.$tenant.branding.preview";
import { contrastWarnings, logoContrastWarnings } from "~/theme/contrast";
import type { BrandingPage, EditorResult } from "~/theme/editor.server";
import {
  COLOR_NAMES,
  DARK_MODES,
  FONTS,
  getImageRef,
  imageUrl,
  LAYOUTS,
  withImageRef,
  type Theme,
} from "~/theme/theme";
import { ColorField, ImageInput, TextArea } from "./editor-fields";
import { CopyCard } from "./copy-fields";
import { LanguageFields } from "./language-fields";
import { COLOR_LABELS, LEGAL_LABELS, themeFieldLabel } from "./field-labels";
import { ThemeHistory } from "./theme-history";
import { useImageColor } from "./image-color";
import { ThemePreview } from "./theme-preview";
import { useUnsavedChangesGuard } from "~/components/unsaved-changes";

const FONT_LABELS: Record<(typeof FONTS)[number], string> = {
  system: "System font",
  inter: "Inter",
  "source-serif": "Source Serif 4",
  "jetbrains-mono": "JetBrains Mono",
};
const DARK_MODE_LABELS: Record<(typeof DARK_MODES)[number], string> = {
  light: "Always light",
  dark: "Always dark",
  system: "Follow the user's system setting",
};
const LAYOUT_LABELS: Record<(typeof LAYOUTS)[number], string> = {
  centered: "Centered card",
  split: "Split screen with an image",
};

/** A copy of `theme` with `value` at the dotted `path` (the form's field names). */
function setPath(theme: Theme, path: string, value: unknown): Theme {
  const next = structuredClone(theme) as Record<string, unknown>;
  const keys = path.split(".");
  let node = next;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
  return next as Theme;
}

/** The theme editor: every setting on the left, the live preview of the hosted pages on the right. */
export function ThemeEditor({ loaded }: { loaded: BrandingPage }) {
  const { tenant, canEdit } = loaded;
  const [theme, setTheme] = useState<Theme>(loaded.theme);
  const actionData = useActionData<EditorResult>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (actionData && !actionData.ok && "errors" in actionData) setErrors(actionData.errors);
  }, [actionData]);
  const update = (path: string, value: unknown) => {
    setTheme((current) => setPath(current, path, value));
    setErrors(({ [path]: _cleared, ...rest }) => rest);
  };

  // Custom CSS is checked and scoped by the server as it is typed; the preview gets the result.
  const cssCheck = useFetcher<typeof previewAction>();
  const [previewCss, setPreviewCss] = useState("");
  const submitCss = cssCheck.submit;
  useEffect(() => {
    const timer = setTimeout(
      () =>
        submitCss({ customCss: theme.customCss }, { method: "post", action: `/admin/${tenant.slug}/branding/preview` }),
      250,
    );
    return () => clearTimeout(timer);
  }, [theme.customCss, tenant.slug, submitCss]);
  useEffect(() => {
    if (cssCheck.data?.ok) setPreviewCss(cssCheck.data.css);
  }, [cssCheck.data]);
  const cssError = cssCheck.data && !cssCheck.data.ok ? cssCheck.data.message : errors.customCss;

  useUnsavedChangesGuard(canEdit && JSON.stringify(theme) !== JSON.stringify(loaded.theme));

  const logoUrl = (ref: string) => (ref ? imageUrl(ref, `/t/${tenant.slug}`) : null);
  const logoColors = { light: useImageColor(logoUrl(theme.logo.light)), dark: useImageColor(logoUrl(theme.logo.dark)) };
  const warnings = [...contrastWarnings(theme.colors, theme.darkMode), ...logoContrastWarnings(theme, logoColors)];
  const errorList = Object.entries(errors);
  const busy = useNavigation().state !== "idle";

  return (
    <>
      <PageHeader
        title="Branding"
        description="How your sign-in pages, emails and widgets look. Changes show in the preview as you type; end users see them once you publish."
        actions={
          <p className="flex flex-wrap gap-2 text-sm">
            <Badge>
              {loaded.publishedVersion ? `Live: version ${loaded.publishedVersion}` : "Live: Portico defaults"}
            </Badge>
            {loaded.draft ? <Badge>Unpublished draft: version {loaded.draft.version}</Badge> : null}
          </p>
        }
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,32rem)_minmax(0,1fr)]">
        <Form method="post" aria-label="Theme" noValidate className="flex flex-col gap-6">
          <input type="hidden" name="theme" value={JSON.stringify(theme)} />
          {!canEdit ? (
            <p className="rounded-theme border border-border px-3 py-2 text-sm text-muted">
              Your role can view the branding but not change it.
            </p>
          ) : null}
          {errorList.length > 0 ? (
            <div role="alert" className="rounded-theme border border-danger px-3 py-2 text-sm text-danger">
              <p className="font-semibold">Nothing was saved. Fix these fields:</p>
              <ul className="mt-1 list-disc pl-5">
                {errorList.map(([field, text]) => (
                  <li key={field}>
                    {field === "form" ? "" : `${themeFieldLabel(field)}: `}
                    {text}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <fieldset disabled={!canEdit} className="flex flex-col gap-6">
            <Card title="Brand">
              <div className="flex flex-col gap-4">
                <FormField
                  label="Product name"
                  value={theme.productName}
                  placeholder={tenant.name}
                  hint="Shown on the pages and in emails. Empty uses the tenant's name."
                  maxLength={60}
                  onChange={(event) => update("productName", event.target.value)}
                  error={errors.productName}
                />
                {(["logo.light", "logo.dark", "favicon"] as const).map((field) => (
                  <ImageInput
                    key={field}
                    slug={tenant.slug}
                    field={field}
                    value={getImageRef(theme, field)}
                    error={errors[field]}
                    onChange={(ref) => {
                      setTheme((current) => withImageRef(current, field, ref));
                      setErrors(({ [field]: _cleared, ...rest }) => rest);
                    }}
                  />
                ))}
              </div>
            </Card>

            <Card title="Colors">
              <div className="grid grid-cols-1 gap-x-4 gap-y-3 sm:grid-cols-2">
                {(["light", "dark"] as const).map((mode) => (
                  <div key={mode} className="flex flex-col gap-3">
                    <h3 className="text-sm font-semibold">{mode === "light" ? "Light mode" : "Dark mode"}</h3>
                    {COLOR_NAMES.map((name) => (
                      <ColorField
                        key={name}
                        label={`${COLOR_LABELS[name]} (${mode})`}
                        value={theme.colors[mode][name]}
                        error={errors[`colors.${mode}.${name}`]}
                        onChange={(value) => update(`colors.${mode}.${name}`, value)}
                      />
                    ))}
                  </div>
                ))}
              </div>
              <div role="status" className="mt-4 text-sm" data-testid="contrast-warnings">
                {warnings.length === 0 ? (
                  <p className="text-muted">
                    All text and background pairs meet WCAG AA contrast (4.5:1), and the logo stands out from the card
                    (3:1).
                  </p>
                ) : (
                  <>
                    <p className="font-semibold text-danger">
                      Low contrast (below WCAG AA: 4.5:1 for text, 3:1 for the logo):
                    </p>
                    <ul className="mt-1 list-disc pl-5">
                      {warnings.map((warning) => (
                        <li key={`${warning.mode}-${warning.label}`}>
                          {warning.label} ({warning.mode}): {warning.ratio.toFixed(2)}:1
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </div>
            </Card>

            <Card title="Shape, type and layout">
              <div className="flex flex-col gap-4">
                <FormField
                  label="Corner radius (px)"
                  type="number"
                  min={0}
                  max={24}
                  value={Number.isFinite(theme.radius) ? theme.radius : ""}
                  onChange={(event) => update("radius", event.target.value === "" ? NaN : Number(event.target.value))}
                  error={errors.radius}
                />
                <SelectField
                  label="Font"
                  value={theme.font}
                  options={FONTS.map((font) => ({ value: font, label: FONT_LABELS[font] }))}
                  hint="Bundled fonts are served by Portico itself; no font CDN is contacted."
                  onChange={(event) => update("font", event.target.value)}
                  error={errors.font}
                />
                <SelectField
                  label="Dark mode"
                  value={theme.darkMode}
                  options={DARK_MODES.map((mode) => ({ value: mode, label: DARK_MODE_LABELS[mode] }))}
                  onChange={(event) => update("darkMode", event.target.value)}
                  error={errors.darkMode}
                />
                <SelectField
                  label="Layout"
                  value={theme.layout.kind}
                  options={LAYOUTS.map((kind) => ({ value: kind, label: LAYOUT_LABELS[kind] }))}
                  onChange={(event) => update("layout.kind", event.target.value)}
                  error={errors["layout.kind"]}
                />
                <ImageInput
                  slug={tenant.slug}
                  field="layout.image"
                  value={theme.layout.image}
                  error={errors["layout.image"]}
                  onChange={(ref) => {
                    setTheme((current) => withImageRef(current, "layout.image", ref));
                    setErrors(({ "layout.image": _cleared, ...rest }) => rest);
                  }}
                />
              </div>
            </Card>

            <CopyCard theme={theme} defaults={loaded.copyDefaults} errors={errors} update={update} />

            <Card title="Legal links">
              <div className="flex flex-col gap-4">
                {(Object.entries(LEGAL_LABELS) as [keyof typeof LEGAL_LABELS, string][]).map(([key, label]) => (
                  <FormField
                    key={key}
                    label={label}
                    type="url"
                    value={theme.legal[key]}
                    placeholder="https://example.com/…"
                    onChange={(event) => update(`legal.${key}`, event.target.value)}
                    error={errors[`legal.${key}`]}
                  />
                ))}
              </div>
            </Card>

            <Card title="Languages">
              <div className="flex flex-col gap-4">
                <LanguageFields theme={theme} errors={errors} update={update} />
                <CheckboxField
                  label={`Show “Powered by ${loaded.appName}”`}
                  checked={theme.showPoweredBy}
                  onChange={(event) => update("showPoweredBy", event.target.checked)}
                />
              </div>
            </Card>

            <Card title="Custom CSS">
              <TextArea
                label="Custom CSS"
                value={theme.customCss}
                onChange={(value) => update("customCss", value)}
                error={cssError}
                hint="Applies only inside your hosted pages (every selector is scoped). No @import; url() may only name your uploads, written url(asset:<id>)."
              />
            </Card>
          </fieldset>
          {canEdit ? (
            <div className="sticky bottom-0 flex flex-wrap gap-2 border-t border-border bg-background py-3">
              <Button name="intent" value="save" variant="secondary" disabled={busy}>
                Save draft
              </Button>
              <Button name="intent" value="publish" disabled={busy}>
                Publish
              </Button>
            </div>
          ) : null}
        </Form>

        {/* The preview stays in view while the settings beside it scroll. */}
        <div className="flex flex-col gap-6 xl:sticky xl:top-4 xl:self-start">
          <ThemePreview tenantSlug={tenant.slug} theme={theme} css={previewCss} />
        </div>
      </div>
      <div className="mt-6">
        <ThemeHistory loaded={loaded} />
      </div>
    </>
  );
}
