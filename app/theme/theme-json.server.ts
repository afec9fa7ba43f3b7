import type { PublishedTheme } from "./themes.server";
import { imageUrl, themeCssVariables } from "./theme";

/**
 * theme.json as widgets read it: the published theme's fields unchanged, except that image
 * references are absolute URLs and `productName` falls back to the tenant's name; plus the
 * version, the `--portico-*` variables per mode and the stylesheet's URL.
 */
export function themeJson({ theme, version }: PublishedTheme, tenantName: string, tenantBaseUrl: string) {
  const image = (ref: string) => imageUrl(ref, tenantBaseUrl);
  return {
    ...theme,
    productName: theme.productName || tenantName,
    logo: { light: image(theme.logo.light), dark: image(theme.logo.dark || theme.logo.light) },
    favicon: image(theme.favicon),
    layout: { ...theme.layout, image: image(theme.layout.image) },
    version,
    cssVariables: { light: themeCssVariables(theme, "light"), dark: themeCssVariables(theme, "dark") },
    stylesheet: `${tenantBaseUrl}/theme.css`,
  };
}
