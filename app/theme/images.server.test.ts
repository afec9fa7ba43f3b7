import { describe, expect, it } from "vitest";
import { checkImage, MAX_ASSET_BYTES, sanitizeSvg } from "./images.server";

const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array(32).fill(0)]);
const text = (value: string) => new TextEncoder().encode(value);
const SVG_OPEN = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">`;

describe("checkImage: the file's content decides, never its name", () => {
  it("recognizes PNG, JPEG, WebP and ICO by their magic bytes", () => {
    expect(checkImage(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toMatchObject({
      contentType: "image/png",
    });
    expect(checkImage(bytes(0xff, 0xd8, 0xff, 0xe0))).toMatchObject({ contentType: "image/jpeg" });
    expect(checkImage(bytes(...text("RIFF"), 1, 2, 3, 4, ...text("WEBPVP8 ")))).toMatchObject({
      contentType: "image/webp",
    });
    expect(checkImage(bytes(0, 0, 1, 0, 1, 0))).toMatchObject({ contentType: "image/x-icon" });
  });

  it("refuses other formats, HTML, empty and oversized files with a clear message", () => {
    expect(checkImage(bytes(...text("GIF89a")))).toEqual({
      ok: false,
      message: expect.stringMatching(/not a PNG, JPEG/),
    });
    expect(checkImage(bytes(...text("%PDF-1.7")))).toMatchObject({ ok: false });
    expect(checkImage(text("<html><body><script>alert(1)</script></body></html>"))).toMatchObject({ ok: false });
    expect(checkImage(new Uint8Array())).toEqual({ ok: false, message: "The file is empty." });
    // An ICO header that announces no images is not an icon.
    expect(checkImage(bytes(0, 0, 1, 0, 0, 0))).toMatchObject({ ok: false });
    const big = new Uint8Array(MAX_ASSET_BYTES + 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(checkImage(big)).toEqual({ ok: false, message: "The file is 1.0 MB; images may be at most 1 MB." });
  });

  it("stores SVGs only in their sanitized, well-formed form", () => {
    const result = checkImage(
      text(`<?xml version="1.0"?>${SVG_OPEN}<metadata>editor</metadata><rect width="10" height="10"/></svg>`),
    );
    expect(result).toMatchObject({ ok: true, contentType: "image/svg+xml" });
    const svg = new TextDecoder().decode((result as { bytes: Uint8Array }).bytes);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<rect width="10" height="10"/>');
  });
});

describe("sanitizeSvg", () => {
  it("keeps drawing: gradients, local <use>, fill references, embedded raster images, inline styles", () => {
    const result = sanitizeSvg(
      `${SVG_OPEN}<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>` +
        `<rect id="r" width="10" height="10" fill="url(#g)" style="opacity:.5"/><use xlink:href="#r"/>` +
        `<image href="data:image/png;base64,iVBORw0KGgo="/><style>.a{fill:blue}</style><text>a &amp; b</text></svg>`,
    );
    expect(result.ok).toBe(true);
    const { svg } = result as { svg: string };
    expect(svg).toContain('fill="url(#g)"');
    expect(svg).toContain('<use xlink:href="#r"/>');
    expect(svg).toContain("data:image/png;base64");
    expect(svg).toContain("a &amp; b");
  });

  it.each([
    ["a script element", `${SVG_OPEN}<script>alert(1)</script></svg>`, /<script> elements/],
    ["an event handler", `${SVG_OPEN}<rect onload="alert(1)" width="1"/></svg>`, /event handlers/],
    ["an event handler on the root", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`, /event handlers/],
    [
      "foreignObject with HTML",
      `${SVG_OPEN}<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>`,
      /<foreignobject>/,
    ],
    [
      "<use> of another document",
      `${SVG_OPEN}<use href="https://evil.example/sprite.svg#x"/></svg>`,
      /references to other files/,
    ],
    [
      "<use> with xlink:href to another document",
      `${SVG_OPEN}<use xlink:href="/other.svg#x"/></svg>`,
      /references to other files/,
    ],
    [
      "a javascript: link",
      `${SVG_OPEN}<a href="javascript:alert(1)"><rect width="1"/></a></svg>`,
      /links or references/,
    ],
    [
      "an external image",
      `${SVG_OPEN}<image href="https://tracker.example/p.png"/></svg>`,
      /references to other files/,
    ],
    [
      "an SVG image embedded as data",
      `${SVG_OPEN}<image href="data:image/svg+xml;base64,PHN2Zy8+"/></svg>`,
      /references/,
    ],
    [
      "a style sheet import",
      `${SVG_OPEN}<style>@import url(https://evil.example/x.css);</style></svg>`,
      /import or run code/,
    ],
    [
      "an external url() in a style attribute",
      `${SVG_OPEN}<rect style="fill:url(https://evil.example/x)"/></svg>`,
      /references to other files/,
    ],
    [
      "an external url() in a presentation attribute",
      `${SVG_OPEN}<rect fill="url(https://evil.example/x#g)"/></svg>`,
      /references/,
    ],
    ["an iframe", `${SVG_OPEN}<iframe src="https://evil.example"/></svg>`, /<iframe> elements/],
  ])("refuses %s, naming it", (_case, svg, message) => {
    expect(sanitizeSvg(svg)).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  it("removes animations that could rewrite links after sanitizing", () => {
    const result = sanitizeSvg(
      `${SVG_OPEN}<a href="#x"><animate attributeName="href" to="javascript:alert(1)"/></a></svg>`,
    );
    expect(result.ok && result.svg).not.toMatch(/animate|javascript/);
  });

  it.each([
    ["HTML", "<html><body>hi</body></html>"],
    ["broken XML", `${SVG_OPEN}<rect`],
    ["an SVG without its namespace", "<svg><rect/></svg>"],
    ["plain text", "hello"],
  ])("refuses %s as unreadable", (_case, svg) => {
    expect(sanitizeSvg(svg)).toEqual({
      ok: false,
      message: expect.stringMatching(/not a PNG, JPEG, WebP, ICO or SVG/),
    });
  });
});
