import { assetIdOf, getImageRef, IMAGE_FIELDS, withImageRef, type Theme } from "./theme";
import type { ThemeActor, ThemeService } from "./themes.server";

/**
 * One tenant's published look carried to another (promoting an environment, cloning a
 * tenant): uploads are tenant-owned, so the images the theme names are copied to the target
 * and the references rewritten; the target publishes it as a new version of its own.
 */
type TenantRef = { id: string; slug: string };

/** Ids of the uploads a theme names: image fields, and `url(asset:<id>)` or the asset's path in custom CSS. */
function referencedAssets(theme: Theme, slug: string): string[] {
  const ids = new Set<string>();
  for (const field of IMAGE_FIELDS) {
    const id = assetIdOf(getImageRef(theme, field));
    if (id) ids.add(id);
  }
  const inCss = new RegExp(`(?:asset:|/t/${slug}/assets/)([a-z0-9_-]{1,64})`, "gi");
  for (const match of theme.customCss.matchAll(inCss)) ids.add(match[1]!);
  return [...ids];
}

/** The theme with each upload reference replaced by `replace(id)`, in image fields and custom CSS. */
function mapAssets(theme: Theme, slug: string, replace: (id: string) => string): Theme {
  let mapped = theme;
  for (const field of IMAGE_FIELDS) {
    const id = assetIdOf(getImageRef(theme, field));
    if (id) mapped = withImageRef(mapped, field, `asset:${replace(id)}`);
  }
  const inCss = new RegExp(`(?:asset:|/t/${slug}/assets/)([a-z0-9_-]{1,64})`, "gi");
  return { ...mapped, customCss: theme.customCss.replace(inCss, (_, id: string) => `asset:${replace(id)}`) };
}

/** The published theme with uploads named by content, so two tenants' copies of one look compare equal. */
async function fingerprint(themes: ThemeService, tenant: TenantRef): Promise<{ version: number | null; key: string }> {
  const { theme, version } = await themes.publishedState(tenant.id);
  const digests = await themes.assetDigests(tenant.id, referencedAssets(theme, tenant.slug));
  const key = JSON.stringify(mapAssets(theme, tenant.slug, (id) => digests.get(id) ?? `missing-${id}`));
  return { version, key };
}

/** Whether the two tenants' published themes look different, with their published versions. */
export async function compareThemes(themes: ThemeService, source: TenantRef, target: TenantRef) {
  const [from, to] = await Promise.all([fingerprint(themes, source), fingerprint(themes, target)]);
  return { differs: from.key !== to.key, sourceVersion: from.version, targetVersion: to.version };
}

/**
 * Publishes `source`'s published theme (the default theme if it never published one) on
 * `target`, with the images it uses copied over. Answers the target's new version, or null when
 * the two already looked the same.
 */
export async function copyPublishedTheme(
  themes: ThemeService,
  source: TenantRef,
  target: TenantRef,
  actor: ThemeActor,
): Promise<number | null> {
  if (!(await compareThemes(themes, source, target)).differs) return null;
  const { theme } = await themes.publishedState(source.id);
  const copied = await themes.copyAssets(source.id, target.id, referencedAssets(theme, source.slug));
  const published = await themes.publish(
    target.id,
    mapAssets(theme, source.slug, (id) => copied.get(id) ?? id),
    actor,
  );
  if (!published.ok) throw new Error(`The copied theme did not validate: ${JSON.stringify(published.errors)}`);
  return published.version;
}
