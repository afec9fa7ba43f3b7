import type { MetaDescriptor, MetaFunction } from "@remix-run/node";
import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_PRIMARY_COLOR, type PlatformBranding } from "~/config/branding";

/** What the root loader sends every page about the deployment itself. */
export type RootData = { branding: PlatformBranding; publicOrigin: string };

const FALLBACK: RootData = {
  branding: {
    name: "Portico",
    logoUrl: null,
    primaryColor: DEFAULT_PRIMARY_COLOR,
    supportEmail: null,
    supportUrl: null,
    termsUrl: null,
    privacyUrl: null,
  },
  publicOrigin: "",
};

/** The deployment's brand and public origin, on the marketing site and the docs. */
export function useSite(): RootData {
  return useRouteLoaderData<RootData>("root") ?? FALLBACK;
}

function rootData(matches: Parameters<MetaFunction>[0]["matches"]): RootData {
  return (matches.find((match) => match.id === "root")?.data as RootData | undefined) ?? FALLBACK;
}

/**
 * A public page's title, description, canonical URL and Open Graph / Twitter tags, with the
 * deployment's name (APP_NAME) and absolute URLs on its PUBLIC_URL.
 */
export function siteMeta(
  matches: Parameters<MetaFunction>[0]["matches"],
  page: { title: string; description: string; path: string; type?: "website" | "article" },
): MetaDescriptor[] {
  const { branding, publicOrigin } = rootData(matches);
  const title = page.title.replaceAll("{name}", branding.name);
  const description = page.description.replaceAll("{name}", branding.name);
  const url = `${publicOrigin}${page.path}`;
  const image = branding.logoUrl ? new URL(branding.logoUrl, `${publicOrigin}/`).href : `${publicOrigin}/og.png`;
  return [
    { title },
    { name: "description", content: description },
    { tagName: "link", rel: "canonical", href: url },
    { property: "og:type", content: page.type ?? "website" },
    { property: "og:site_name", content: branding.name },
    { property: "og:title", content: title },
    { property: "og:description", content: description },
    { property: "og:url", content: url },
    { property: "og:image", content: image },
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:title", content: title },
    { name: "twitter:description", content: description },
  ];
}
