import createDOMPurify, { type DOMPurify } from "dompurify";
import { JSDOM } from "jsdom";

/**
 * Checks an uploaded branding image by its content, never by its name or declared type:
 * PNG, JPEG, WebP and ICO by their magic bytes, SVG by parsing it as XML and sanitizing it
 * (DOMPurify). An SVG that tries to run script, react to events, embed HTML or load anything
 * from elsewhere is refused rather than silently repaired, so the admin knows the file is unsafe.
 */
export const MAX_ASSET_BYTES = 1024 * 1024;

export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/svg+xml", "image/x-icon"] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export type CheckedImage = { ok: true; contentType: ImageType; bytes: Uint8Array } | { ok: false; message: string };

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The raster type a file's first bytes announce, or null. */
export function sniffRasterType(bytes: Uint8Array): Exclude<ImageType, "image/svg+xml"> | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  // ICONDIR: reserved 0, type 1 (icon), at least one image.
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00]) && bytes.length >= 6 && bytes[4]! + bytes[5]! * 256 > 0)
    return "image/x-icon";
  return null;
}

export function checkImage(bytes: Uint8Array): CheckedImage {
  if (bytes.length === 0) return { ok: false, message: "The file is empty." };
  if (bytes.length > MAX_ASSET_BYTES)
    return { ok: false, message: `The file is ${formatSize(bytes.length)}; images may be at most 1 MB.` };
  const raster = sniffRasterType(bytes);
  if (raster) return { ok: true, contentType: raster, bytes };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: UNREADABLE };
  }
  const svg = sanitizeSvg(text);
  if (!svg.ok) return svg;
  return { ok: true, contentType: "image/svg+xml", bytes: new TextEncoder().encode(svg.svg) };
}

export const UNREADABLE = "This file is not a PNG, JPEG, WebP, ICO or SVG image we can read.";

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

// ---------------------------------------------------------------------------------------------
// SVG
// ---------------------------------------------------------------------------------------------

const SVG_NS = "http://www.w3.org/2000/svg";
/** Elements whose presence means the file was built to do more than draw. */
const HOSTILE_ELEMENTS = new Set(["script", "foreignobject", "iframe", "object", "embed", "handler", "listener"]);
/** `url(...)` pointing anywhere but a fragment of this same document. */
const EXTERNAL_URL = /url\(\s*(['"]?)\s*(?!#)[^)'"\s]/i;
const LINK_ATTRIBUTES = new Set(["href", "xlink:href", "src"]);
const EMBEDDED_RASTER = /^data:image\/(?:png|jpeg|webp|gif);base64,[a-z0-9+/=\s]+$/i;

let purifier: { purify: DOMPurify; window: JSDOM["window"]; problems: Set<string> } | undefined;

/** One DOMPurify over one jsdom window per process; `problems` collects what a run refused. */
function getPurifier() {
  if (purifier) return purifier;
  const { window } = new JSDOM("");
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  const problems = new Set<string>();
  purify.addHook("uponSanitizeElement", (node, data) => {
    const name = data.tagName.toLowerCase();
    if (HOSTILE_ELEMENTS.has(name)) problems.add(`<${name}> elements`);
    const css = name === "style" ? (node.textContent ?? "") : "";
    const importsOrRuns = /@import|expression\s*\(|javascript:|behavior\s*:|-moz-binding/i.test(css);
    if (importsOrRuns) problems.add("style sheets that import or run code");
    if (EXTERNAL_URL.test(css)) problems.add("references to other files");
    // Animations can rewrite links after sanitizing; a logo does not need them.
    if (importsOrRuns || EXTERNAL_URL.test(css) || name === "animate" || name === "set")
      node.parentNode?.removeChild(node);
  });
  purify.addHook("uponSanitizeAttribute", (node, data) => {
    const name = data.attrName.toLowerCase();
    const value = data.attrValue.trim();
    if (name.startsWith("on")) {
      problems.add("event handlers (on… attributes)");
      data.keepAttr = false;
    } else if (LINK_ATTRIBUTES.has(name)) {
      const embedded = node.nodeName.toLowerCase() === "image" && EMBEDDED_RASTER.test(value);
      if (!value.startsWith("#") && !embedded) {
        problems.add("links or references to other files");
        data.keepAttr = false;
      }
    } else if (EXTERNAL_URL.test(value) || /javascript:|expression\s*\(/i.test(value)) {
      problems.add("references to other files");
      data.keepAttr = false;
    }
  });
  purifier = { purify, window, problems };
  return purifier;
}

export type SanitizedSvg = { ok: true; svg: string } | { ok: false; message: string };

/**
 * The SVG, well-formed and stripped of everything but drawing (editor metadata goes quietly);
 * refused, naming what it found, when it holds scripts, event handlers, embedded HTML or
 * references to other documents.
 */
export function sanitizeSvg(text: string): SanitizedSvg {
  const { purify, window, problems } = getPurifier();
  const parsed = new window.DOMParser().parseFromString(text, "image/svg+xml");
  const root = parsed.documentElement;
  if (parsed.getElementsByTagName("parsererror").length > 0 || root.localName !== "svg" || root.namespaceURI !== SVG_NS)
    return { ok: false, message: UNREADABLE };
  problems.clear();
  const fragment = purify.sanitize(root.outerHTML, {
    USE_PROFILES: { svg: true, svgFilters: true },
    ADD_TAGS: ["use"],
    RETURN_DOM_FRAGMENT: true,
  });
  for (const removed of purify.removed) {
    const element = "element" in removed ? removed.element : null;
    if (element && HOSTILE_ELEMENTS.has(element.nodeName.toLowerCase()))
      problems.add(`<${element.nodeName.toLowerCase()}> elements`);
  }
  if (problems.size > 0)
    return {
      ok: false,
      message: `This SVG was refused because it contains ${[...problems].join(", ")}. Export it again as a plain drawing.`,
    };
  const svg = fragment.firstElementChild;
  if (!svg || svg.localName !== "svg") return { ok: false, message: UNREADABLE };
  if (!svg.getAttribute("xmlns")) svg.setAttribute("xmlns", SVG_NS);
  return { ok: true, svg: new window.XMLSerializer().serializeToString(svg) };
}
