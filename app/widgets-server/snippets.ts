/**
 * The copy-paste snippets of the embed page (/t/:tenant/embed): what a customer puts on their
 * own page, and the same widget live on Portico's own site (cookie mode, same origin).
 * `slug` is a validated tenant slug, so it is safe inside the HTML.
 */
export function widgetSnippets(origin: string, slug: string) {
  const widget = (tag: string, extra = "") => ({
    snippet: `<${tag} tenant="${slug}"${extra}></${tag}>`,
    live: `<${tag} tenant="${slug}" mode="cookie"${extra}></${tag}>`,
  });
  return {
    module: `<script type="module" src="${origin}/widgets/portico.js"></script>`,
    login: widget("auth-login"),
    userButton: widget("auth-user-button"),
    profile: widget("auth-user-profile"),
    api: `document.addEventListener("portico:signed-in", async () => {
  const token = await window.Portico.getToken(); // a JWT, valid for minutes
  await fetch("/api/orders", { headers: { Authorization: \`Bearer \${token}\` } });
});`,
  };
}
