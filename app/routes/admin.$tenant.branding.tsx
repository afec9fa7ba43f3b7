import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { requireTenantRole } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { CheckboxField } from "~/components/ui/checkbox-field";
import { Badge, Card, PageHeader } from "~/components/ui/layout";
import { SelectField } from "~/components/ui/select-field";
import { getPortico } from "~/context.server";
import { redirectWithToast } from "~/http/toast.server";
import { LOCALE_NAMES, LOCALES, type Locale } from "~/i18n/locales";
import { contrastWarnings } from "~/theme/contrast";
import { copyDefaults, handleEditorAction } from "~/theme/editor.server";
import { PREVIEW_MESSAGE, PREVIEW_READY, type PreviewMessage } from "~/theme/preview";
import {
  COLOR_NAMES,
  DARK_MODES,
  FONTS,
  getImageRef,
  imageUrl,
  LAYOUTS,
  withImageRef,
  type ColorName,
  type ImageField,
  type Theme,
} from "~/theme/theme";
import type { action as previewAction } from "./admin_.$tenant.branding.preview";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, role } = await requireTenantRole(request, params.tenant, "viewer");
  const { themes, env } = getPortico();
  const [draft, published, history] = await Promise.all([
    themes.draft(tenant.id),
    themes.publishedState(tenant.id),
    themes.history(tenant.id),
  ]);
  return {
    tenant: { slug: tenant.slug, name: tenant.name },
    theme: draft?.theme ?? published.theme,
    draft: draft ? { version: draft.version, savedAt: draft.savedAt.toISOString() } : null,
    publishedVersion: published.version,
    history: history.map((entry) => ({
      version: entry.version,
      status: entry.status,
      createdAt: entry.createdAt.toISOString(),
      publishedAt: entry.publishedAt?.toISOString() ?? null,
    })),
    copyDefaults: copyDefaults(),
    appName: env.appName,
    canEdit: roleAtLeast(role, "admin"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  const result = await handleEditorAction(access, request);
  if (!result.ok) return data(result, { status: 400 });
  if (result.intent === "upload") return result;
  return redirectWithToast(`/admin/${access.tenant.slug}/branding`, { type: "success", message: result.message });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The editor starts over from the stored theme whenever a save, publish or rollback changes it. */
export default function Branding() {
  const loaded = useLoaderData<typeof loader>();
  return <ThemeEditor key={`${loaded.draft?.savedAt ?? "none"}:${loaded.publishedVersion ?? 0}`} loaded={loaded} />;
}

const COLOR_LABELS: Record<ColorName, string> = {
  primary: "Primary",
  primaryForeground: "Text on primary",
  background: "Page background",
  card: "Card background",
  foreground: "Text",
  muted: "Muted text",
  border: "Borders",
  danger: "Errors",
};
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
const PAGE_LABELS: Record<string, string> = {
  signIn: "Sign in",
  signUp: "Sign up",
  forgotPassword: "Forgot password",
  resetPassword: "Reset password",
  account: "Account",
};
const PART_LABELS: Record<string, string> = { title: "title", subtitle: "subtitle", submit: "button label" };
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const PREVIEW_SIZES = {
  desktop: { width: 1024, height: 720, scale: 0.4 },
  phone: { width: 390, height: 760, scale: 0.56 },
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

function ThemeEditor({ loaded }: { loaded: LoaderData }) {
  const { tenant, canEdit } = loaded;
  const [theme, setTheme] = useState<Theme>(loaded.theme);
  const actionData = useActionData<typeof action>();
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

  const [previewLocale, setPreviewLocale] = useState<Locale>(theme.locale.default);
  const [previewSize, setPreviewSize] = useState<keyof typeof PREVIEW_SIZES>("desktop");
  const frames = useRef<(HTMLIFrameElement | null)[]>([]);
  const message: PreviewMessage = useMemo(
    () => ({ type: PREVIEW_MESSAGE, theme, css: previewCss, locale: previewLocale }),
    [theme, previewCss, previewLocale],
  );
  const post = (frame: HTMLIFrameElement | null) => frame?.contentWindow?.postMessage(message, window.location.origin);
  useEffect(() => frames.current.forEach(post));
  useEffect(() => {
    const onReady = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.data?.type !== PREVIEW_READY) return;
      frames.current.filter((frame) => frame?.contentWindow === event.source).forEach(post);
    };
    window.addEventListener("message", onReady);
    return () => window.removeEventListener("message", onReady);
  });

  const warnings = contrastWarnings(theme.colors, theme.darkMode);
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
      <div className="grid gap-6 xl:grid-cols-[minmax(0,32rem)_minmax(0,1fr)]">
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
                    {field === "form" ? "" : `${field}: `}
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
              <div className="grid gap-x-4 gap-y-3 sm:grid-cols-2">
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
                  <p className="text-muted">All text and background pairs meet WCAG AA contrast (4.5:1).</p>
                ) : (
                  <>
                    <p className="font-semibold text-danger">Low contrast (below WCAG AA, 4.5:1):</p>
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
                {(
                  [
                    ["termsUrl", "Terms URL"],
                    ["privacyUrl", "Privacy URL"],
                    ["supportUrl", "Support URL"],
                  ] as const
                ).map(([key, label]) => (
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
                <SelectField
                  label="Default language"
                  value={theme.locale.default}
                  options={LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
                  onChange={(event) => update("locale.default", event.target.value)}
                  error={errors["locale.default"]}
                />
                {LOCALES.map((locale) => (
                  <CheckboxField
                    key={locale}
                    label={`Offer ${LOCALE_NAMES[locale]}`}
                    checked={theme.locale.offered.includes(locale)}
                    onChange={(event) =>
                      update(
                        "locale.offered",
                        event.target.checked
                          ? [...theme.locale.offered, locale]
                          : theme.locale.offered.filter((offered) => offered !== locale),
                      )
                    }
                    error={locale === LOCALES[0] ? errors["locale.offered"] : undefined}
                  />
                ))}
                <CheckboxField
                  label="Use the language the browser asks for, when offered"
                  checked={theme.locale.followBrowser}
                  onChange={(event) => update("locale.followBrowser", event.target.checked)}
                />
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

        <div className="flex flex-col gap-6">
          <Card title="Preview">
            <div className="mb-4 flex flex-wrap items-end gap-4">
              <SelectField
                label="Preview width"
                value={previewSize}
                options={[
                  { value: "desktop", label: "Desktop" },
                  { value: "phone", label: "Phone" },
                ]}
                onChange={(event) => setPreviewSize(event.target.value as keyof typeof PREVIEW_SIZES)}
              />
              <SelectField
                label="Preview language"
                value={previewLocale}
                options={LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
                onChange={(event) => setPreviewLocale(event.target.value as Locale)}
              />
            </div>
            <div className="flex flex-wrap gap-4">
              {(["light", "dark"] as const).map((mode, index) => {
                const size = PREVIEW_SIZES[previewSize];
                return (
                  <figure key={mode} className="flex flex-col gap-1">
                    <figcaption className="text-xs font-medium text-muted">
                      {mode === "light" ? "Light" : "Dark"}
                    </figcaption>
                    <div
                      className="overflow-hidden rounded-theme border border-border"
                      style={{ width: size.width * size.scale, height: size.height * size.scale }}
                    >
                      <iframe
                        ref={(frame) => {
                          frames.current[index] = frame;
                        }}
                        title={`Sign-in preview, ${mode}`}
                        src={`/admin/${tenant.slug}/branding/preview?mode=${mode}`}
                        onLoad={(event) => post(event.currentTarget)}
                        style={{
                          width: size.width,
                          height: size.height,
                          transform: `scale(${size.scale})`,
                          transformOrigin: "0 0",
                        }}
                        className="border-0"
                      />
                    </div>
                  </figure>
                );
              })}
            </div>
          </Card>

          <History loaded={loaded} />
        </div>
      </div>
    </>
  );
}

function CopyCard({
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
  const [locale, setLocale] = useState<Locale>(theme.locale.default);
  const copy = theme.copy[locale] ?? {};
  return (
    <Card title="Texts">
      <p className="-mt-2 mb-4 text-sm text-muted">
        Replace page titles, subtitles and button labels. Empty fields keep Portico's text, shown as the placeholder.
      </p>
      <div className="flex flex-col gap-4">
        <SelectField
          label="Language of these texts"
          value={locale}
          options={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
          onChange={(event) => setLocale(event.target.value as Locale)}
        />
        {Object.entries(defaults[locale]).map(([key, text]) => {
          const [page = "", part = ""] = key.split(".");
          return (
            <FormField
              key={`${locale}-${key}`}
              label={`${PAGE_LABELS[page] ?? page} ${PART_LABELS[part] ?? part} (${LOCALE_NAMES[locale]})`}
              value={copy[key] ?? ""}
              placeholder={text}
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

function ColorField({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const valid = HEX.test(value);
  const shownError = error ?? (valid ? undefined : "Enter a hex color such as #4f46e5.");
  const full = valid && value.length === 4 ? `#${[...value.slice(1)].map((digit) => digit + digit).join("")}` : value;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          type="color"
          aria-label={`${label}, color picker`}
          value={valid ? full.toLowerCase() : "#000000"}
          onChange={(event) => onChange(event.target.value)}
          className="h-9 w-11 shrink-0 cursor-pointer rounded-theme border border-border bg-card"
        />
        <input
          id={id}
          value={value}
          spellCheck={false}
          onChange={(event) => onChange(event.target.value.trim())}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? `${id}-error` : undefined}
          className="w-28 rounded-theme border border-border bg-card px-2 py-1.5 font-mono text-sm outline-none focus-visible:ring-2 focus-visible:ring-primary aria-invalid:border-danger"
        />
      </div>
      {shownError ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger" aria-live="polite">
          {shownError}
        </p>
      ) : null}
    </div>
  );
}

const IMAGE_LABELS: Record<ImageField, { label: string; hint: string }> = {
  "logo.light": { label: "Logo", hint: "Shown above the form, and in emails." },
  "logo.dark": { label: "Logo for dark mode", hint: "Optional; the light logo is used when empty." },
  favicon: { label: "Favicon", hint: "The browser tab's icon. ICO, PNG or SVG." },
  "layout.image": { label: "Split-screen image", hint: "Fills the left half in the split-screen layout." },
};
const ACCEPT = "image/png,image/jpeg,image/webp,image/svg+xml,image/x-icon,.ico,.svg";
/** Above this the request itself would be refused; the server names the 1 MB limit below it. */
const MAX_REQUEST_FILE_BYTES = 1.9 * 1024 * 1024;

/** Upload by drag and drop or file picker (checked by the server), or an https URL copied on save. */
function ImageInput({
  slug,
  field,
  value,
  error,
  onChange,
}: {
  slug: string;
  field: ImageField;
  value: string;
  error?: string;
  onChange: (ref: string) => void;
}) {
  const id = useId();
  const upload = useFetcher<typeof action>();
  const [localError, setLocalError] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const { label, hint } = IMAGE_LABELS[field];
  const result = upload.data && "field" in upload.data && upload.data.field === field ? upload.data : undefined;
  useEffect(() => {
    if (result?.ok) onChange(result.ref);
    // Only a new upload result changes the field.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);
  const shownError = localError ?? (result && !result.ok ? result.message : undefined) ?? error;
  const send = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_REQUEST_FILE_BYTES) {
      setLocalError(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; images may be at most 1 MB.`);
      return;
    }
    setLocalError(undefined);
    const form = new FormData();
    form.set("intent", "upload");
    form.set("field", field);
    form.set("file", file);
    upload.submit(form, { method: "post", encType: "multipart/form-data" });
  };
  const describedBy = [`${id}-hint`, shownError ? `${id}-error` : null].filter(Boolean).join(" ");
  const preview = imageUrl(value, `/t/${slug}`);
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="text-sm font-medium">{label}</legend>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          send(event.dataTransfer.files[0]);
        }}
        data-testid={`drop-${field}`}
        className={`flex flex-wrap items-center gap-3 rounded-theme border border-dashed p-3 ${dragging ? "border-primary bg-background" : "border-border"}`}
      >
        {preview ? (
          <img src={preview} alt="" className="h-10 max-w-24 rounded border border-border bg-white object-contain" />
        ) : null}
        <div className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
          <label htmlFor={`${id}-file`} className="text-muted">
            Drop an image here or{" "}
            <span className="font-medium text-primary underline underline-offset-4">choose a file</span>
            <span className="sr-only"> for {label}</span>
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept={ACCEPT}
            aria-describedby={describedBy}
            aria-invalid={shownError ? true : undefined}
            onChange={(event) => send(event.target.files?.[0])}
            className="sr-only"
          />
          {upload.state !== "idle" ? <span role="status">Uploading…</span> : null}
        </div>
        {value ? (
          <Button type="button" variant="secondary" onClick={() => onChange("")}>
            Remove <span className="sr-only">{label}</span>
          </Button>
        ) : null}
      </div>
      <input
        aria-label={`${label} URL`}
        type="url"
        placeholder="or an https URL (copied into Portico when saved)"
        value={value.startsWith("asset:") ? "" : value}
        onChange={(event) => {
          setLocalError(undefined);
          onChange(event.target.value.trim());
        }}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={describedBy}
        className="rounded-theme border border-border bg-card px-3 py-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-primary aria-invalid:border-danger"
      />
      <p id={`${id}-hint`} className="text-sm text-muted">
        {hint} PNG, JPEG, WebP, SVG or ICO, at most 1 MB.
      </p>
      {shownError ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger" aria-live="polite">
          {shownError}
        </p>
      ) : null}
    </fieldset>
  );
}

function TextArea({
  label,
  value,
  onChange,
  error,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint: string;
}) {
  const id = useId();
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        rows={8}
        value={value}
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="rounded-theme border border-border bg-card px-3 py-2 font-mono text-sm outline-none focus-visible:ring-2 focus-visible:ring-primary aria-invalid:border-danger"
      />
      <p id={`${id}-hint`} className="text-sm text-muted">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger" aria-live="polite">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function History({ loaded }: { loaded: LoaderData }) {
  const busy = useNavigation().state !== "idle";
  return (
    <Card title="Versions">
      {loaded.history.length === 0 ? (
        <p className="text-sm text-muted">Nothing saved yet: your pages use Portico's default theme.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-muted">
            <tr>
              <th className="py-1 font-medium">Version</th>
              <th className="py-1 font-medium">Status</th>
              <th className="py-1 font-medium">Saved</th>
              <th className="py-1 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {loaded.history.map((entry) => (
              <tr key={entry.version} className="border-t border-border">
                <td className="py-2">v{entry.version}</td>
                <td className="py-2">
                  <Badge tone={entry.status === "published" ? "success" : "neutral"}>{entry.status}</Badge>
                </td>
                <td className="py-2">
                  <time dateTime={entry.createdAt}>{entry.createdAt.slice(0, 16).replace("T", " ")} UTC</time>
                </td>
                <td className="py-2 text-right">
                  {entry.status === "archived" && loaded.canEdit ? (
                    <Form
                      method="post"
                      onSubmit={(event) => {
                        if (
                          loaded.draft &&
                          !window.confirm("Restoring this version discards your unpublished draft. Continue?")
                        )
                          event.preventDefault();
                      }}
                    >
                      <input type="hidden" name="version" value={entry.version} />
                      <Button name="intent" value="rollback" variant="secondary" disabled={busy}>
                        Restore v{entry.version}
                      </Button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {loaded.canEdit ? (
        <Form
          method="post"
          className="mt-4"
          onSubmit={(event) => {
            if (
              !window.confirm("Replace the draft with Portico's default theme? The live theme stays until you publish.")
            )
              event.preventDefault();
          }}
        >
          <Button name="intent" value="reset" variant="secondary" disabled={busy}>
            Reset to defaults
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

export function ErrorBoundary(): ReactNode {
  return <GeneralErrorBoundary />;
}
