import { getPortico } from "~/context.server";

/** Crawlers may read the marketing site and docs; the console, accounts and tenants' pages are private. */
export function loader() {
  const { publicUrl } = getPortico().env;
  const body = [
    "User-agent: *",
    "Allow: /",
    "Disallow: /admin",
    "Disallow: /t/",
    "Disallow: /api/",
    "Disallow: /invite/",
    "Disallow: /sign-in",
    "Disallow: /sign-up",
    `Sitemap: ${publicUrl.origin}/sitemap.xml`,
    "",
  ].join("\n");
  return new Response(body, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
