import { createHash, randomBytes, randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { ChangeFeed } from "~/tenancy/change-feed.server";
import type { AuditEventInput, AuditLog } from "~/audit/audit.server";
import type { Storage } from "~/db/storage.server";
import type { Locale } from "~/i18n/locales";
import { copyErrors, knownCopy } from "./copy.server";
import { checkCustomCss } from "./custom-css.server";
import { checkImage, type ImageType } from "./images.server";
import { fetchRemoteImage } from "./remote-image.server";
import { renderThemeCss } from "./theme-css.server";
import {
  assetIdOf,
  DEFAULT_THEME,
  getImageRef,
  IMAGE_FIELDS,
  ThemeSchema,
  withImageRef,
  type ImageField,
  type Theme,
} from "./theme";
import { log } from "~/ops/log.server";

export type ThemeStatus = "draft" | "published" | "archived";

export type ThemeVersionSummary = {
  version: number;
  status: ThemeStatus;
  createdAt: Date;
  publishedAt: Date | null;
  /** Who saved (for a published version: who published) it: a console account's email, or null. */
  savedBy: string | null;
  theme: Theme;
};

/** Who changes a theme, for the audit log (adminActor() in a console route). */
export type ThemeActor = Pick<AuditEventInput, "tenantId" | "actor" | "ipAddress" | "userAgent">;

/** Field errors are keyed by the field's dotted path (`colors.light.primary`, `customCss`). */
export type ThemeErrors = Record<string, string>;
export type SaveThemeResult = { ok: true; theme: Theme; version: number } | { ok: false; errors: ThemeErrors };
export type UploadResult = { ok: true; ref: string; contentType: ImageType } | { ok: false; message: string };

/** What the public endpoints and the hosted layout serve: the published theme and its CSS. */
export type PublishedTheme = { theme: Theme; version: number | null; publishedAt: Date | null; css: string };

type CacheEntry = { value: PublishedTheme; expires: number };

/** With a live change feed a publish elsewhere arrives as a message; this only bounds a lost one. */
const LIVE_FEED_CACHE_MS = 60_000;

/**
 * Tenants' themes, versioned in the control plane (`theme_version`): at most one draft, one
 * published version, and the archived ones before it. The published theme is cached per
 * process; a publish is announced on the tenant change feed (decision 0016), so it shows on
 * every instance at once while the feed is live, and within `cacheMs` (1 s) otherwise.
 */
export class ThemeService {
  /** Bounded: one entry per tenant served, and a deployment may have many thousands. */
  private readonly cache = new LRUCache<string, CacheEntry>({ max: 10_000 });
  private readonly cacheMs: number;
  private readonly changes: ChangeFeed | undefined;

  constructor(
    private readonly storage: Storage,
    private readonly audit: AuditLog,
    { cacheMs = 1_000, changes }: { cacheMs?: number; changes?: ChangeFeed } = {},
  ) {
    this.cacheMs = cacheMs;
    this.changes = changes;
    const forgetAll = () => this.cache.clear();
    changes?.subscribe({
      change: ({ tenantId }) => this.cache.delete(tenantId),
      connected: forgetAll,
      disconnected: forgetAll,
    });
  }

  /** Forgets the published theme here at once, and on every other instance by a message. */
  private announce(tenantId: string) {
    this.cache.delete(tenantId);
    this.changes?.publish({ tenantId });
  }

  /** The theme end users see: the published version, or the default theme before any publish. */
  async published(tenantId: string): Promise<Theme> {
    return (await this.publishedState(tenantId)).theme;
  }

  async publishedState(tenantId: string): Promise<PublishedTheme> {
    const cached = this.cache.get(tenantId);
    if (cached && cached.expires > Date.now()) return cached.value;
    const db = await this.storage.control();
    const row = await db.themeVersion.findFirst({
      where: { tenantId, status: "published" },
      orderBy: { version: "desc" },
    });
    const theme = row ? this.parseStored(tenantId, row.version, row.theme) : DEFAULT_THEME;
    const assetIds = theme.customCss.includes("url(") ? await this.assetIds(tenantId) : new Set<string>();
    const value = {
      theme,
      version: row?.version ?? null,
      publishedAt: row?.publishedAt ?? null,
      css: renderThemeCss(theme, (id) => assetIds.has(id)),
    };
    const ttl = this.changes?.live ? LIVE_FEED_CACHE_MS : this.cacheMs;
    this.cache.set(tenantId, { value, expires: Date.now() + ttl });
    return value;
  }

  /** The unpublished draft, or null when the editor would start from the published theme. */
  async draft(tenantId: string): Promise<{ theme: Theme; version: number; savedAt: Date } | null> {
    const db = await this.storage.control();
    const row = await db.themeVersion.findFirst({ where: { tenantId, status: "draft" } });
    return row
      ? { theme: this.parseStored(tenantId, row.version, row.theme), version: row.version, savedAt: row.createdAt }
      : null;
  }

  async history(tenantId: string, limit = 50): Promise<ThemeVersionSummary[]> {
    const db = await this.storage.control();
    const rows = await db.themeVersion.findMany({
      where: { tenantId },
      orderBy: { version: "desc" },
      take: limit,
      select: { version: true, status: true, createdAt: true, publishedAt: true, createdById: true, theme: true },
    });
    const ids = [...new Set(rows.flatMap((row) => (row.createdById ? [row.createdById] : [])))];
    const accounts = await db.platformUser.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } });
    const emailOf = new Map(accounts.map((account) => [account.id, account.email]));
    return rows.map(({ createdById, theme, ...row }) => ({
      ...row,
      status: row.status as ThemeStatus,
      savedBy: (createdById && emailOf.get(createdById)) ?? null,
      theme: this.parseStored(tenantId, row.version, theme),
    }));
  }

  /**
   * Checks a theme as the editor sends it and stores it as the draft (one per tenant).
   * Nothing is stored when a field is invalid; the published theme is never touched.
   */
  async saveDraft(tenantId: string, input: unknown, actor: ThemeActor): Promise<SaveThemeResult> {
    const checked = await this.validate(tenantId, input);
    if (!checked.ok) return checked;
    const db = await this.storage.control();
    const theme = JSON.stringify(checked.theme);
    const createdById = actorId(actor);
    const existing = await db.themeVersion.findFirst({
      where: { tenantId, status: "draft" },
      select: { id: true, version: true },
    });
    if (existing) {
      await db.themeVersion.update({ where: { id: existing.id }, data: { theme, createdById, createdAt: new Date() } });
      return { ok: true, theme: checked.theme, version: existing.version };
    }
    const version = await this.insertVersion(tenantId, { status: "draft", theme, createdById });
    return { ok: true, theme: checked.theme, version };
  }

  /** Saves `input` as the draft, then makes the draft the published theme. */
  async publish(tenantId: string, input: unknown, actor: ThemeActor): Promise<SaveThemeResult> {
    const saved = await this.saveDraft(tenantId, input, actor);
    if (!saved.ok) return saved;
    const db = await this.storage.control();
    await db.$transaction([
      db.themeVersion.updateMany({ where: { tenantId, status: "published" }, data: { status: "archived" } }),
      db.themeVersion.updateMany({
        where: { tenantId, version: saved.version, status: "draft" },
        data: { status: "published", publishedAt: new Date() },
      }),
    ]);
    this.announce(tenantId);
    await this.audit.record({ ...actor, type: "admin.theme.published", data: { version: saved.version } });
    return saved;
  }

  /**
   * One click back to an earlier look: the chosen version's theme is published again as a
   * new version (so history stays in order and caches see a change). An unpublished draft
   * is discarded, since the editor shows the published theme afterwards.
   */
  async rollback(
    tenantId: string,
    version: number,
    actor: ThemeActor,
  ): Promise<{ ok: true; version: number } | { ok: false; message: string }> {
    const db = await this.storage.control();
    const target = await db.themeVersion.findFirst({
      where: { tenantId, version, status: { in: ["published", "archived"] } },
    });
    if (!target) return { ok: false, message: `Version ${version} was never published, so it cannot be restored.` };
    // The newest published version is the live one, so the copy goes live as it is inserted;
    // then the previous one is archived and the draft dropped (its number is never reused).
    const restored = await this.insertVersion(tenantId, {
      status: "published",
      theme: target.theme,
      createdById: actorId(actor),
      publishedAt: new Date(),
    });
    await db.$transaction([
      db.themeVersion.updateMany({
        where: { tenantId, status: "published", version: { not: restored } },
        data: { status: "archived" },
      }),
      db.themeVersion.deleteMany({ where: { tenantId, status: "draft" } }),
    ]);
    this.announce(tenantId);
    await this.audit.record({
      ...actor,
      type: "admin.theme.rolled_back",
      data: { version: restored, restoredVersion: version },
    });
    return { ok: true, version: restored };
  }

  /**
   * Texts that go live at once (the emails page, the management API): the published theme with
   * `texts` merged into its copy for `locale` ("" removes a text) becomes a new published
   * version; an open draft gets the same texts, so publishing it later does not undo them.
   */
  async publishCopy(
    tenantId: string,
    locale: Locale,
    texts: Record<string, string>,
    actor: ThemeActor,
  ): Promise<SaveThemeResult> {
    const withTexts = (theme: Theme): Theme => ({
      ...theme,
      copy: { ...theme.copy, [locale]: { ...theme.copy[locale], ...texts } },
    });
    const draft = await this.draft(tenantId);
    const published = await this.publish(tenantId, withTexts((await this.publishedState(tenantId)).theme), actor);
    if (published.ok && draft) await this.saveDraft(tenantId, withTexts(draft.theme), actor);
    return published;
  }

  /** Makes the default theme the draft (publish to apply it). */
  async resetToDefaults(tenantId: string, actor: ThemeActor): Promise<SaveThemeResult> {
    return this.saveDraft(tenantId, DEFAULT_THEME, actor);
  }

  /** Checks an uploaded file by its content and stores it; returns the `asset:<id>` reference. */
  async uploadAsset(tenantId: string, kind: ImageField, bytes: Uint8Array): Promise<UploadResult> {
    const checked = checkImage(bytes);
    if (!checked.ok) return checked;
    const id = await this.storeAsset(tenantId, kind, checked.contentType, checked.bytes);
    return { ok: true, ref: `asset:${id}`, contentType: checked.contentType };
  }

  async getAsset(tenantId: string, id: string) {
    const db = await this.storage.control();
    return db.themeAsset.findFirst({
      where: { id, tenantId },
      select: { contentType: true, bytes: true, sha256: true },
    });
  }

  /**
   * The theme as stored, or field errors: the schema (colors, sizes, URLs), the locale
   * settings, copy keys Portico knows, images that exist for this tenant, custom CSS that
   * passes the sanitizer; https image URLs are fetched and kept as the tenant's own assets.
   */
  async validate(tenantId: string, input: unknown): Promise<SaveThemeResult> {
    const parsed = ThemeSchema.safeParse(input);
    const errors: ThemeErrors = {};
    const assetIds = await this.assetIds(tenantId);
    // The CSS is checked even when other fields are invalid, so every problem shows at once.
    const customCss = (input as { customCss?: unknown } | null)?.customCss;
    const css = checkCustomCss(typeof customCss === "string" ? customCss : "", {
      isOwnAsset: (id) => assetIds.has(id),
      assetUrl: (id) => id,
    });
    if (!css.ok) errors.customCss = css.message;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join(".") || "form";
        errors[path] ??= issue.message;
      }
      return { ok: false, errors };
    }
    let theme: Theme = { ...parsed.data, copy: knownCopy(parsed.data.copy) };
    Object.assign(errors, copyErrors(theme.copy));
    theme.locale = { ...theme.locale, offered: [...new Set(theme.locale.offered)] };
    if (!theme.locale.offered.includes(theme.locale.default))
      errors["locale.default"] = "The default language must be one of the offered languages.";
    for (const field of IMAGE_FIELDS) {
      const id = assetIdOf(getImageRef(theme, field));
      if (id && !assetIds.has(id)) errors[field] = "This image is not among this tenant's uploads; upload it again.";
    }
    if (Object.keys(errors).length > 0) return { ok: false, errors };

    for (const field of IMAGE_FIELDS) {
      const ref = getImageRef(theme, field);
      if (!ref.startsWith("https:")) continue;
      const fetched = await fetchRemoteImage(ref);
      if (!fetched.ok) errors[field] = fetched.message;
      else
        theme = withImageRef(
          theme,
          field,
          `asset:${await this.storeAsset(tenantId, field, fetched.contentType, fetched.bytes)}`,
        );
    }
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    return { ok: true, theme, version: 0 };
  }

  private async storeAsset(tenantId: string, kind: string, contentType: ImageType, bytes: Uint8Array): Promise<string> {
    const id = randomBytes(12).toString("base64url");
    const db = await this.storage.control();
    await db.themeAsset.create({
      data: {
        id,
        tenantId,
        kind,
        contentType,
        bytes: Buffer.from(bytes),
        size: bytes.byteLength,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      },
    });
    return id;
  }

  /** Content digests of some of the tenant's uploads, by id (the same image has the same digest anywhere). */
  async assetDigests(tenantId: string, ids: string[]): Promise<Map<string, string>> {
    const db = await this.storage.control();
    const rows = await db.themeAsset.findMany({
      where: { tenantId, id: { in: ids } },
      select: { id: true, sha256: true },
    });
    return new Map(rows.map((row) => [row.id, row.sha256]));
  }

  /** Copies some of one tenant's uploads into another's (promotion, cloning); answers old id → new id. */
  async copyAssets(fromTenantId: string, toTenantId: string, ids: string[]): Promise<Map<string, string>> {
    const db = await this.storage.control();
    const rows = await db.themeAsset.findMany({ where: { tenantId: fromTenantId, id: { in: ids } } });
    const copied = new Map<string, string>();
    for (const row of rows)
      copied.set(row.id, await this.storeAsset(toTenantId, row.kind, row.contentType as ImageType, row.bytes));
    return copied;
  }

  /** Ids of the tenant's uploads (what `url(asset:<id>)` and image fields may name). */
  async assetIds(tenantId: string): Promise<Set<string>> {
    const db = await this.storage.control();
    const rows = await db.themeAsset.findMany({ where: { tenantId }, select: { id: true } });
    return new Set(rows.map((row) => row.id));
  }

  /** The next version number; retried when another request took it first (unique per tenant). */
  private async insertVersion(
    tenantId: string,
    data: { status: ThemeStatus; theme: string; createdById: string | null; publishedAt?: Date },
  ): Promise<number> {
    const db = await this.storage.control();
    for (let attempt = 0; ; attempt++) {
      const last = await db.themeVersion.findFirst({
        where: { tenantId },
        orderBy: { version: "desc" },
        select: { version: true },
      });
      const version = (last?.version ?? 0) + 1;
      try {
        await db.themeVersion.create({ data: { id: randomUUID(), tenantId, version, ...data } });
        return version;
      } catch (error) {
        if (attempt >= 3 || (error as { code?: string }).code !== "P2002") throw error;
      }
    }
  }

  /** A stored theme that no longer validates serves as the default theme, never as an error page. */
  private parseStored(tenantId: string, version: number, json: string): Theme {
    try {
      const parsed = ThemeSchema.safeParse(JSON.parse(json));
      if (parsed.success) return parsed.data;
    } catch {
      // Falls through to the default theme below.
    }
    log.error({ tenant_id: tenantId, version }, "Theme version is invalid; serving the default theme");
    return DEFAULT_THEME;
  }
}

function actorId(actor: ThemeActor): string | null {
  return "id" in actor.actor ? actor.actor.id : null;
}
