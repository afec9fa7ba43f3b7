import type { Theme } from "~/theme/theme";
import { FONT_STACKS } from "~/theme/theme";

/**
 * What an email shows of the tenant's brand, resolved from its published theme: product name
 * (the tenant's name when the theme leaves it empty), an absolute logo URL (uploaded assets are
 * served from /t/<slug>/assets/<id>), the light palette (mail clients have no reliable dark
 * mode), corner radius, font and legal links.
 */
export type EmailBrand = {
  productName: string;
  logoUrl: string | null;
  colors: Theme["colors"]["light"];
  radius: number;
  fontFamily: string;
  legal: Theme["legal"];
};

export function emailBrand(theme: Theme, tenant: { name: string; slug: string }, publicUrl: URL): EmailBrand {
  return {
    productName: theme.productName || tenant.name,
    logoUrl: imageUrl(theme.logo.light, tenant.slug, publicUrl),
    colors: theme.colors.light,
    radius: theme.radius,
    fontFamily: FONT_STACKS[theme.font],
    legal: theme.legal,
  };
}

function imageUrl(ref: string, slug: string, publicUrl: URL): string | null {
  if (!ref) return null;
  if (ref.startsWith("asset:")) return `${publicUrl.origin}/t/${slug}/assets/${encodeURIComponent(ref.slice(6))}`;
  return ref;
}
