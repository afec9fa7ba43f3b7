import * as csstree from "css-tree";
import { TENANT_SCOPE_ATTRIBUTE } from "./scope";

/**
 * A tenant's custom CSS, parsed (css-tree) rather than pattern-matched, so comments, escapes
 * and odd spacing cannot hide anything. `checkCustomCss` refuses what is not allowed with a
 * message naming it and its line; `renderCustomCss` drops the same things (for rows stored
 * before a rule existed) and scopes every selector under the hosted pages' wrapper.
 *
 * Allowed: style rules, @media, @supports, @container, @layer, @keyframes, @font-face with
 * `local()` or the tenant's own assets. Refused: @import and every other at-rule, `url()` to
 * anything but the tenant's uploads, `expression()`, `javascript:`, `behavior`, `-moz-binding`,
 * `image-set()`/`src()` (they take bare strings as URLs), and `</` (no breaking out of a
 * `<style>` element if the CSS is ever inlined).
 */

const SCOPE = `[${TENANT_SCOPE_ATTRIBUTE}]`;

const ALLOWED_AT_RULES = new Set([
  "media",
  "supports",
  "container",
  "layer",
  "keyframes",
  "-webkit-keyframes",
  "font-face",
]);
const FORBIDDEN_PROPERTIES = new Set(["behavior", "-moz-binding"]);
const FORBIDDEN_FUNCTIONS = new Set(["expression", "image-set", "-webkit-image-set", "src"]);
/** What a value must never contain, even inside strings or unparsed (raw) parts. */
const HOSTILE_TEXT = /javascript:|vbscript:|expression\s*\(|url\s*\(|@import/i;
/** `asset:<id>`, or the same asset's path on the shared host. */
const ASSET_REF = /^(?:asset:|\/t\/[a-z0-9-]+\/assets\/)([a-z0-9_-]{1,64})$/i;

export type CustomCssOptions = {
  /** Whether an asset id belongs to this tenant. */
  isOwnAsset: (id: string) => boolean;
  /** Where the page should load an own asset from. */
  assetUrl: (id: string) => string;
};

type Problem = { message: string; line?: number };

/** CSS escapes resolved (`u\\72 l(` is `url(` to a browser), so checks see what the browser sees. */
function unescapeCss(text: string): string {
  return text
    .replace(/\\([0-9a-f]{1,6})[ \t\n]?/gi, (_, hex: string) => {
      const code = Number.parseInt(hex, 16);
      return String.fromCodePoint(code > 0 && code <= 0x10ffff ? code : 0xfffd);
    })
    .replace(/\\(.)/gs, "$1");
}

function process(css: string, options: CustomCssOptions): { css: string; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (node: csstree.CssNode) => node.loc?.start.line;
  if (css.includes("</")) problems.push({ message: "Custom CSS may not contain “</”." });
  const ast = csstree.parse(css, {
    positions: true,
    parseValue: true,
    onParseError(error) {
      const { line, column } = error as unknown as { line?: number; column?: number };
      problems.push({ message: `The CSS could not be read (${error.message}, column ${column ?? "?"}).`, line });
    },
  });

  csstree.walk(ast, {
    enter(node: csstree.CssNode, item: csstree.ListItem<csstree.CssNode>, list: csstree.List<csstree.CssNode>) {
      const remove = (message: string) => {
        problems.push({ message, line: at(node) });
        if (list && item) list.remove(item);
        return csstree.walk.skip;
      };
      switch (node.type) {
        case "Atrule":
          if (!ALLOWED_AT_RULES.has(node.name.toLowerCase()))
            return remove(`@${node.name} is not allowed in custom CSS.`);
          return undefined;
        case "Declaration":
          if (FORBIDDEN_PROPERTIES.has(unescapeCss(node.property).toLowerCase()))
            return remove(`The ${node.property} property is not allowed.`);
          return undefined;
        case "Function":
          if (FORBIDDEN_FUNCTIONS.has(unescapeCss(node.name).toLowerCase()))
            return remove(`${node.name}() is not allowed.`);
          return undefined;
        case "String":
          if (/javascript:|vbscript:/i.test(unescapeCss(node.value))) return remove("javascript: is not allowed.");
          return undefined;
        case "Raw":
          // Unparsed text (custom property values, anything css-tree could not read).
          if (HOSTILE_TEXT.test(unescapeCss(node.value)))
            return remove("url(), expression() and javascript: are not allowed here.");
          return undefined;
        case "Url": {
          const id = ASSET_REF.exec(node.value.trim())?.[1];
          if (!id || !options.isOwnAsset(id))
            return remove(
              `url(${node.value}) is not allowed: url() may only point at an image uploaded for this tenant, written url(asset:<id>).`,
            );
          node.value = options.assetUrl(id);
          return undefined;
        }
        default:
          return undefined;
      }
    },
  });

  csstree.walk(ast, {
    visit: "Rule",
    enter(node) {
      // Keyframe selectors (from, 50%) are not element selectors.
      const inKeyframes = this.atrule && /keyframes$/i.test(this.atrule.name);
      if (!inKeyframes && node.prelude.type === "SelectorList") scopeSelectors(node.prelude);
    },
  });

  return { css: csstree.generate(ast).replace(/<\//g, "<\\/"), problems };
}

/** `body`, `html` and `:root` become the wrapper itself; everything else is looked for inside it. */
function scopeSelectors(list: csstree.SelectorList) {
  list.children.forEach((selector) => {
    if (selector.type !== "Selector") return;
    const first = selector.children.first;
    const isDocumentRoot =
      (first?.type === "TypeSelector" && /^(html|body)$/i.test(first.name)) ||
      (first?.type === "PseudoClassSelector" && first.name.toLowerCase() === "root");
    const scope = csstree.parse(SCOPE, { context: "selector" }) as csstree.Selector;
    // `body.x .y` becomes `[scope].x .y`: the wrapper stands in for the document root.
    if (isDocumentRoot) selector.children.shift();
    else if (first?.type !== "Combinator") scope.children.appendData({ type: "Combinator", name: " " });
    selector.children.prependList(scope.children);
  });
}

export type CustomCssCheck = { ok: true } | { ok: false; message: string };

/** Null-free verdict for the editor: the first problem, with its line. */
export function checkCustomCss(css: string, options: CustomCssOptions): CustomCssCheck {
  if (!css.trim()) return { ok: true };
  const [problem] = process(css, options).problems;
  if (!problem) return { ok: true };
  return { ok: false, message: problem.line ? `Line ${problem.line}: ${problem.message}` : problem.message };
}

/**
 * The CSS as served, every selector scoped and own asset URLs resolved. Saving refuses CSS
 * with any problem, so a stored sheet that has one predates a rule or bypassed the editor:
 * it is not served at all rather than guessed at.
 */
export function renderCustomCss(css: string, options: CustomCssOptions): string {
  if (!css.trim()) return "";
  const { css: rendered, problems } = process(css, options);
  return problems.length > 0 ? "" : rendered;
}
