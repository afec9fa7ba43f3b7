import { describe, expect, it } from "vitest";
import { checkCustomCss, renderCustomCss } from "./custom-css.server";

const options = { isOwnAsset: (id: string) => id === "own1", assetUrl: (id: string) => `assets/${id}` };
const check = (css: string) => checkCustomCss(css, options);
const render = (css: string) => renderCustomCss(css, options);

describe("custom CSS scoping", () => {
  it("puts every selector inside the hosted layout's wrapper", () => {
    expect(render(".btn, a:hover > span { color: red }")).toBe(
      "[data-portico-tenant] .btn,[data-portico-tenant] a:hover>span{color:red}",
    );
  });

  it("lets body, html and :root stand for the wrapper itself", () => {
    expect(
      render("body { color: red } html .x { color: blue } :root { --portico-primary: #000 } body.dark h1 { x: y }"),
    ).toBe(
      "[data-portico-tenant]{color:red}[data-portico-tenant] .x{color:blue}[data-portico-tenant]{--portico-primary: #000 }[data-portico-tenant].dark h1{x:y}",
    );
  });

  it("scopes inside @media and @supports but leaves keyframe selectors alone", () => {
    expect(
      render(
        "@media (max-width: 600px) { .x { color: red } } @keyframes fade { from { opacity: 0 } to { opacity: 1 } }",
      ),
    ).toBe(
      "@media (max-width:600px){[data-portico-tenant] .x{color:red}}@keyframes fade{from{opacity:0}to{opacity:1}}",
    );
  });

  it("resolves url(asset:<id>) of the tenant's own uploads", () => {
    expect(check(".hero { background: url(asset:own1) }")).toEqual({ ok: true });
    expect(render(".hero { background: url(asset:own1) }")).toBe(
      "[data-portico-tenant] .hero{background:url(assets/own1)}",
    );
    expect(render(".hero { background: url('/t/acme/assets/own1') }")).toContain("url(assets/own1)");
  });
});

describe("hostile custom CSS is refused, naming the problem and its line", () => {
  it.each([
    ["@import", "a { color: red }\n@import url(https://evil.example/x.css);", /^Line 2: @import is not allowed/],
    ["@import written with an escape", '@\\69mport "x.css";', /is not allowed in custom CSS/],
    ["@namespace", "@namespace svg url(http://www.w3.org/2000/svg);", /@namespace is not allowed/],
    [
      "url() to another host",
      "a { background: url(https://evil.example/x.png) }",
      /url\(https:\/\/evil.example\/x.png\) is not allowed/,
    ],
    ["url() to a protocol-relative host", "a { background: url(//evil.example/x.png) }", /is not allowed/],
    ["url() to a data: URI", "a { background: url(data:image/svg+xml,<svg/>) }", /is not allowed/],
    ["url() to another tenant's asset", "a { background: url(asset:theirs) }", /url\(asset:theirs\) is not allowed/],
    ["url() hidden in a custom property", "a { --bg: url(https://evil.example/x) }", /not allowed/],
    ["url() spelled with escapes in a custom property", "a { --bg: u\\72 l(https://evil.example/x) }", /not allowed/],
    ["expression()", "a { width: expression(alert(1)) }", /expression\(\) is not allowed/],
    ["expression() spelled with an escape", "a { width: expressio\\6e (alert(1)) }", /is not allowed/],
    ["behavior", "a { behavior: url(x.htc) }", /behavior property is not allowed/],
    ["-moz-binding", "a { -moz-binding: url(x.xml#x) }", /-moz-binding property is not allowed/],
    ["javascript: in a string", 'a { background: "javascript:alert(1)" }', /javascript: is not allowed/],
    [
      "image-set() with bare URL strings",
      'a { background: image-set("https://evil.example/x.png" 1x) }',
      /image-set\(\) is not allowed/,
    ],
    [
      "@font-face loading from another host",
      "@font-face { font-family: X; src: url(https://fonts.example/x.woff2) }",
      /is not allowed/,
    ],
    ["a </style> breakout", "a { color: red }</style><script>alert(1)</script>", /may not contain “<\/”/],
    [
      "a </style> breakout inside a string",
      'a::after { content: "</style><script>alert(1)</script>" }',
      /may not contain/,
    ],
    ["a stray closing brace (escaping the scope)", ".x { color: red } } body { display: none }", /could not be read/],
    ["a selector-less block", "{ color: red }", /could not be read/],
  ])("%s", (_case, css, message) => {
    const result = check(css);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(message);
  });

  it("serves nothing of a stored sheet that has a problem (it bypassed the editor's check)", () => {
    expect(render(".x { color: red } @import url(https://evil.example/x.css);")).toBe("");
    expect(render("a{x:1}</style><script>alert(1)</script>")).toBe("");
  });

  it("accepts ordinary CSS, including @font-face with local() and range media queries", () => {
    expect(check("@font-face { font-family: Brand; src: local(Arial) } .title { font-family: Brand }")).toEqual({
      ok: true,
    });
    expect(check("@media (width < 600px) { h1 { font-size: 1.25rem } }")).toEqual({ ok: true });
    expect(check("")).toEqual({ ok: true });
  });
});
