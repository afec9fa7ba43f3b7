import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import { diffSettings } from "~/admin/setting-diff";
import { settingLabel, settingValue } from "~/admin/setting-labels";
import { getPortico } from "~/context.server";
import { LOCALES, type Locale } from "~/i18n/locales";
import { MESSAGES, type MessageKey } from "~/i18n/messages";
import type { Tenant } from "~/tenancy/tenants.server";
import { checkCustomCss, renderCustomCss } from "./custom-css.server";
import { fontFaceCss } from "./fonts.server";
import { formatSize, MAX_ASSET_BYTES } from "./images.server";
import { DEFAULT_THEME, FONTS, IMAGE_FIELDS, type ImageField, type Theme } from "./theme";
import type { ThemeErrors } from "./themes.server";
import { readForm } from "~/http/read-form.server";

/**
 * The theme editor's server side (/admin/:tenant/branding and its preview): form data in,
 * ThemeService calls, results the page shows on its fields.
 */
export type EditorResult =
  | { intent: "upload"; ok: true; field: ImageField; ref: string }
  | { intent: "upload"; ok: false; field: ImageField | null; message: string }
  | { intent: "save" | "publish" | "reset"; ok: false; errors: ThemeErrors }
  | { intent: "rollback"; ok: false; errors: ThemeErrors }
  | { intent: "save" | "publish" | "reset" | "rollback"; ok: true; message: string };

/** How much of a long value (custom CSS, a data URL) a change shows. */
const CHANGE_VALUE_CHARS = 80;

/** A theme change in words: "Colors: light: primary", from and to as they read. */
function themeChanges(before: Theme, after: Theme) {
  const shown = (json: string) => {
    const value = settingValue("", json);
    return value.length > CHANGE_VALUE_CHARS ? `${value.slice(0, CHANGE_VALUE_CHARS)}…` : value;
  };
  return diffSettings(before, after).map(({ path, from, to }) => ({
    path,
    label: settingLabel(path).replace(/^./, (first) => first.toUpperCase()),
    from: shown(from),
    to: shown(to),
  }));
}

/** What the branding page shows: the theme being edited, its draft and published state, history. */
export type BrandingPage = Awaited<ReturnType<typeof loadBrandingPage>>;

export async function loadBrandingPage({ tenant, role }: ConsoleAccess) {
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
    history: history.map((entry, index) => ({
      version: entry.version,
      status: entry.status,
      createdAt: entry.createdAt.toISOString(),
      publishedAt: entry.publishedAt?.toISOString() ?? null,
      savedBy: entry.savedBy,
      // What this version changed from the one before it (the oldest: from Portico's default).
      changes: themeChanges(history[index + 1]?.theme ?? DEFAULT_THEME, entry.theme),
    })),
    copyDefaults: copyDefaults(),
    appName: env.appName,
    canEdit: roleAtLeast(role, "admin"),
  };
}

export async function handleEditorAction(access: ConsoleAccess, request: Request): Promise<EditorResult> {
  const { themes } = getPortico();
  const tenantId = access.tenant.id;
  const actor = adminActor(access, request);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "upload") {
    const field = form.get("field");
    const file = form.get("file");
    if (typeof field !== "string" || !(IMAGE_FIELDS as readonly string[]).includes(field))
      return { intent, ok: false, field: null, message: "Choose which image this is." };
    const imageField = field as ImageField;
    if (!(file instanceof File) || file.size === 0)
      return { intent, ok: false, field: imageField, message: "Choose an image file." };
    if (file.size > MAX_ASSET_BYTES)
      return {
        intent,
        ok: false,
        field: imageField,
        message: `The file is ${formatSize(file.size)}; images may be at most 1 MB.`,
      };
    const uploaded = await themes.uploadAsset(tenantId, imageField, new Uint8Array(await file.arrayBuffer()));
    return uploaded.ok
      ? { intent, ok: true, field: imageField, ref: uploaded.ref }
      : { intent, ok: false, field: imageField, message: uploaded.message };
  }
  if (intent === "save" || intent === "publish") {
    let input: unknown;
    try {
      input = JSON.parse(String(form.get("theme") ?? ""));
    } catch {
      return { intent, ok: false, errors: { form: "The theme could not be read. Reload the page and try again." } };
    }
    const result =
      intent === "save" ? await themes.saveDraft(tenantId, input, actor) : await themes.publish(tenantId, input, actor);
    if (!result.ok) return { intent, ok: false, errors: result.errors };
    return {
      intent,
      ok: true,
      message: intent === "save" ? `Draft saved (version ${result.version}).` : `Version ${result.version} is live.`,
    };
  }
  if (intent === "reset") {
    const result = await themes.resetToDefaults(tenantId, actor);
    if (!result.ok) return { intent, ok: false, errors: result.errors };
    return { intent, ok: true, message: "The draft is back to Portico's defaults. Publish it to apply them." };
  }
  if (intent === "rollback") {
    const version = Number(form.get("version"));
    const result = Number.isInteger(version)
      ? await themes.rollback(tenantId, version, actor)
      : ({ ok: false, message: "Choose a version to restore." } as const);
    if (!result.ok) return { intent, ok: false, errors: { form: result.message } };
    return { intent, ok: true, message: `Version ${version} is live again (as version ${result.version}).` };
  }
  throw new Response("Unknown action.", { status: 400 });
}

const COPY_KEY =
  /^(?:(signIn|signUp|forgotPassword|resetPassword|account)\.(title|subtitle|submit)|theme\.(terms|privacy|support))$/;

/** The message keys the Texts card edits (page titles, subtitles, button labels, footer links), with Portico's texts. */
export function copyDefaults(): Record<Locale, Record<string, string>> {
  const keys = Object.keys(MESSAGES.en).filter((key) => COPY_KEY.test(key));
  return Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      Object.fromEntries(keys.map((key) => [key, MESSAGES[locale][key as MessageKey]])),
    ]),
  ) as Record<Locale, Record<string, string>>;
}

/** Custom CSS checked and scoped for the preview, with asset URLs the console's origin serves. */
export async function checkThemeCss(
  tenant: Pick<Tenant, "id" | "slug">,
  css: string,
): Promise<{ ok: true; css: string } | { ok: false; message: string }> {
  const ids = await getPortico().themes.assetIds(tenant.id);
  const options = {
    isOwnAsset: (id: string) => ids.has(id),
    assetUrl: (id: string) => `/t/${tenant.slug}/assets/${id}`,
  };
  const checked = checkCustomCss(css, options);
  return checked.ok ? { ok: true, css: renderCustomCss(css, options) } : checked;
}

/** Every bundled font's faces, so the preview can switch fonts without a reload. */
export function previewFontFaces(slug: string): string {
  return FONTS.map((font) => fontFaceCss(font).replaceAll("url(fonts/", `url(/t/${slug}/fonts/`)).join("\n");
}
