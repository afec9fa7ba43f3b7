/**
 * The theme editor refuses what could hurt the hosted pages, on the field it concerns, and the
 * published theme keeps serving: malicious SVGs, oversized or unreadable files, hostile CSS,
 * invalid colors, image URLs that do not answer. Viewers can look but not change.
 */
import { LOGO_SVG, openEditor, publish } from "./branding-helpers";
import { expect, test } from "./console-fixtures";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test("malicious, oversized and unreadable uploads are refused on their field", async ({ page, ownedTenant }) => {
  await openEditor(page, ownedTenant.slug);
  const upload = page.getByLabel(/choose a file for Logo$/);

  await upload.setInputFiles({
    name: "logo.svg",
    mimeType: "image/svg+xml",
    buffer: Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" onload="fetch('/admin')"><script>alert(1)</script></svg>`,
    ),
  });
  await expect(upload).toHaveAccessibleDescription(/This SVG was refused because it contains event handlers/);
  await expect(upload).toHaveAttribute("aria-invalid", "true");

  const big = Buffer.alloc(1024 * 1024 + 200 * 1024);
  big.set(PNG_SIGNATURE);
  await upload.setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: big });
  await expect(upload).toHaveAccessibleDescription(/The file is 1.2 MB; images may be at most 1 MB./);

  // A file named and typed as PNG that is really HTML.
  await upload.setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: Buffer.from("<html><script>1</script></html>"),
  });
  await expect(upload).toHaveAccessibleDescription(/not a PNG, JPEG, WebP, ICO or SVG image we can read/);

  // A clean file, dropped onto the field, clears the error.
  const dataTransfer = await page.evaluateHandle((svg) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([svg], "logo.svg", { type: "image/svg+xml" }));
    return transfer;
  }, LOGO_SVG);
  await page.getByTestId("drop-logo.light").dispatchEvent("drop", { dataTransfer });
  await expect(upload).not.toHaveAttribute("aria-invalid");
  await expect(page.getByRole("button", { name: "Remove Logo", exact: true })).toBeVisible();
});

test("hostile CSS, invalid colors and unreachable logo URLs are refused and nothing is published", async ({
  page,
  ownedTenant,
  request,
}) => {
  await openEditor(page, ownedTenant.slug);
  await page.getByLabel("Product name").fill("Safe and sound");
  await publish(page);
  const liveCss = await (await request.get(`/t/${ownedTenant.slug}/theme.css`)).text();

  // The CSS field reports the problem as it is typed…
  const css = page.getByLabel("Custom CSS", { exact: true });
  await css.fill("h1 { color: red }\n@import url(https://evil.example/steal.css);");
  await expect(css).toHaveAccessibleDescription(/Line 2: @import is not allowed in custom CSS./);
  await css.fill("h1 { color: red }</style><script>alert(1)</script>");
  await expect(css).toHaveAccessibleDescription(/may not contain “<\/”/);
  await css.fill(".x { background: url(https://tracker.example/pixel.png) }");
  await expect(css).toHaveAccessibleDescription(/url\(https:\/\/tracker.example\/pixel.png\) is not allowed/);

  // A readable but low-contrast color is allowed, with a warning naming the failing pairs.
  const primary = page.getByLabel("Primary (light)", { exact: true });
  const warnings = page.getByTestId("contrast-warnings");
  await expect(warnings).toContainText("All text and background pairs meet WCAG AA");
  await primary.fill("#ffeb3b");
  await expect(warnings).toContainText("Button text on primary (light): 1.2");
  await expect(warnings).toContainText("Links on card (light)");

  // …and the server refuses it on publish, together with the other bad fields.
  await primary.fill("#12345");
  await expect(primary).toHaveAccessibleDescription("Enter a hex color such as #4f46e5.");
  await page.getByLabel("Logo URL").fill("https://logo.invalid/logo.png");
  await page.getByRole("button", { name: "Publish" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Nothing was saved" });
  await expect(alert).toContainText("Primary (light): Enter a hex color such as #4f46e5.");
  await expect(alert).toContainText("Custom CSS: Line 1: url(https://tracker.example/pixel.png) is not allowed");
  await expect(alert).not.toContainText("customCss");
  await expect(page.getByLabel("Primary (light)", { exact: true })).toHaveValue("#12345");

  // With CSS and color fixed, the unreachable logo URL is what stops the publish.
  await css.fill("h1 { letter-spacing: 0.02em }");
  await primary.fill("#0f766e");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByLabel("Logo URL")).toHaveAccessibleDescription(/logo\.invalid could not be resolved/);

  // The published theme kept serving the whole time.
  expect(await (await request.get(`/t/${ownedTenant.slug}/theme.css`)).text()).toBe(liveCss);
  await page.goto(`/t/${ownedTenant.slug}/sign-in`);
  await expect(page.getByText("Safe and sound", { exact: true })).toBeVisible();
});

test("a viewer sees the branding but cannot change it", async ({ ownedTenant, otherAccount }) => {
  const { page } = await otherAccount("viewer", ownedTenant.slug);
  await page.goto(`/admin/${ownedTenant.slug}/branding`);
  await expect(page.getByText("Your role can view the branding but not change it.")).toBeVisible();
  await expect(page.getByLabel("Primary (light)", { exact: true })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
  const response = await page.request.post(`/admin/${ownedTenant.slug}/branding`, {
    form: { intent: "publish", theme: JSON.stringify({ productName: "Hijacked" }) },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(403);
  const json = await page.request.get(`/t/${ownedTenant.slug}/theme.json`);
  expect((await json.json()).productName).toBe(`Tenant ${ownedTenant.slug}`);
});
