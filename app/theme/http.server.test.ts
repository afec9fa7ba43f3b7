import { describe, expect, it } from "vitest";
import { cachedResponse, strongEtag } from "./http.server";

const get = (headers: Record<string, string> = {}) => new Request("http://portico.test/t/acme/theme.css", { headers });

describe("theme file responses", () => {
  it("send a strong ETag over the exact bytes, CORS for any origin and a short max-age", async () => {
    const response = cachedResponse(get(), ":root{}", { contentType: "text/css; charset=utf-8" });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe(strongEtag(":root{}"));
    expect(response.headers.get("etag")).toMatch(/^"[\w-]{32}"$/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, max-age=1, must-revalidate");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toBe(":root{}");
  });

  it("answer 304 without a body when the ETag still matches, 200 when the content changed", async () => {
    const etag = strongEtag(":root{}");
    const unchanged = cachedResponse(get({ "if-none-match": etag }), ":root{}", { contentType: "text/css" });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    expect(unchanged.headers.get("etag")).toBe(etag);
    expect(
      cachedResponse(get({ "if-none-match": `"other", W/${etag}` }), ":root{}", { contentType: "text/css" }).status,
    ).toBe(304);
    const changed = cachedResponse(get({ "if-none-match": etag }), ":root{--x:1}", { contentType: "text/css" });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});
