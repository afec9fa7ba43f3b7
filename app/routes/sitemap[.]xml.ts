import { getPortico } from "~/context.server";
import { docsPaths } from "~/docs/docs.server";

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The public pages: the landing page and every docs page, on PUBLIC_URL. */
export function loader() {
  const { origin } = getPortico().env.publicUrl;
  const urls = ["/", ...docsPaths()].map((path) => `  <url><loc>${escapeXml(`${origin}${path}`)}</loc></url>`);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
  return new Response(body, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
