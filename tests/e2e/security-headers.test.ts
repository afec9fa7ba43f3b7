import { expect, test } from "./fixtures";

/** Pages cannot be framed by other sites (clickjacking) and are never content-sniffed. */
test("hosted and console pages refuse foreign frames, once per header", async ({ request }) => {
  for (const path of ["/t/demo/sign-in", "/sign-in", "/"]) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(headers["content-security-policy"]).toBe("frame-ancestors 'self'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  }
});

test("a page framed by another origin is not shown, while the same origin may frame it", async ({ page, baseURL }) => {
  // 127.0.0.1 and localhost are different origins for the browser.
  const foreign = baseURL!.replace("localhost", "127.0.0.1");
  await page.goto(`${foreign}/healthz`);
  await page.setContent(`
    <script>window.framesLoaded = 0;</script>
    <iframe id="same" onload="window.framesLoaded++" src="${foreign}/t/demo/sign-in"></iframe>
    <iframe id="other" onload="window.framesLoaded++" src="${baseURL}/t/demo/sign-in"></iframe>`);
  await page.waitForFunction(() => (window as unknown as { framesLoaded: number }).framesLoaded === 2);
  await expect(page.frameLocator("#same").getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.frameLocator("#other").getByRole("button", { name: "Sign in" })).toHaveCount(0);
});
