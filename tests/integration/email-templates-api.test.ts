import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "~/tenancy/tenants.server";
import { startHarness, type Harness } from "./management-api-harness";

/** The email texts through /api/v1/email-templates, with real keys on real storage (decision 0029). */
let h: Harness;
let acme: Tenant;
let writer: string;
let reader: string;

beforeAll(async () => {
  h = await startHarness("email-templates-api");
  acme = await h.createTenant("mail-api");
  writer = (await h.createKey(acme, ["config:read", "config:write"])).key;
  reader = (await h.createKey(acme, ["config:read"])).key;
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/** The email a German and an English recipient would get now, rendered as the outbox does. */
async function verificationSubjects() {
  const { getPortico } = await import("~/context.server");
  const { renderTenantEmail } = await import("~/email/templates.server");
  const { themes, env } = getPortico();
  const theme = await themes.published(acme.id);
  const email = (recipientLocale: string) =>
    renderTenantEmail(
      acme,
      {
        to: "ada@example.com",
        recipientLocale,
        template: "verifyEmail",
        props: { url: "https://x.test/v", name: "Ada", email: "ada@example.com", expiresInHours: 24 },
      },
      { theme, publicUrl: env.publicUrl },
    );
  const [de, en] = await Promise.all([email("de"), email("en")]);
  return { de: de.subject, en: en.subject, deText: de.text };
}

describe("email templates management API", () => {
  it("lists a template's fields, placeholders and, per language, Portico's texts", async () => {
    const answer = await h.api(reader, "GET", "/email-templates/verifyEmail");
    expect(answer.status).toBe(200);
    expect(answer.body.fields.map((field: { name: string }) => field.name)).toEqual([
      "subject",
      "preview",
      "heading",
      "body",
      "button",
      "expiry",
      "footer",
    ]);
    expect(answer.body.fields[0]).toEqual({
      name: "subject",
      label: "Subject",
      placeholders: ["product"],
      maxLength: 200,
    });
    expect(answer.body.languages.de.subject).toEqual({
      text: null,
      default: "Bestätigen Sie Ihre E-Mail-Adresse für {product}",
    });
    expect(Object.keys(answer.body.languages)).toHaveLength(14);
  });

  it("saves German texts that the German emails use and the English ones do not", async () => {
    const saved = await h.api(writer, "PUT", "/email-templates/verifyEmail", {
      locale: "de",
      texts: { subject: "Willkommen bei {product}", body: "Ein Klick bestätigt {email}." },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.languages.de.subject.text).toBe("Willkommen bei {product}");
    expect(saved.body.languages.en.subject.text).toBeNull();
    const sent = await verificationSubjects();
    expect(sent.de).toBe("Willkommen bei mail-api");
    expect(sent.deText).toContain("Ein Klick bestätigt ada@example.com.");
    expect(sent.en).toBe("Confirm your email address for mail-api");

    // null goes back to Portico's text; a field left out keeps its text.
    await h.api(writer, "PUT", "/email-templates/verifyEmail", { locale: "de", texts: { subject: null } });
    const after = await verificationSubjects();
    expect(after.de).toBe("Bestätigen Sie Ihre E-Mail-Adresse für mail-api");
    expect(after.deText).toContain("Ein Klick bestätigt ada@example.com.");
  });

  it("refuses an unknown placeholder, HTML, an unknown field or language with a 400 naming the field", async () => {
    const put = (body: unknown) => h.api(writer, "PUT", "/email-templates/verifyEmail", body);
    const placeholder = await put({ locale: "de", texts: { subject: "Öffnen: {{url}}" } });
    expect(placeholder.status).toBe(400);
    expect(placeholder.body.error).toMatchObject({
      code: "invalid_request",
      message: "texts.subject: Unknown placeholder {url}. Use {product}.",
    });
    const html = await put({ locale: "de", texts: { body: "<script>alert(1)</script>" } });
    expect(html.status).toBe(400);
    expect(html.body.error.details).toEqual([
      { field: "texts.body", message: "Use plain text: HTML tags are not allowed." },
    ]);
    const long = await put({ locale: "de", texts: { subject: "x".repeat(201) } });
    expect(long.body.error.details).toEqual([{ field: "texts.subject", message: "Use at most 200 characters." }]);
    const field = await put({ locale: "de", texts: { signature: "Ihr Team" } });
    expect(field.status).toBe(400);
    expect(field.body.error.details[0].field).toBe("texts.signature");
    const unknownLanguage = await put({ locale: "xx", texts: {} });
    expect(unknownLanguage.status).toBe(422);
    expect(unknownLanguage.body.error.details[0].field).toBe("locale");
    const { getPortico } = await import("~/context.server");
    const actor = { tenantId: acme.id, actor: { type: "system" as const, label: "test" } };
    const theme = await getPortico().themes.published(acme.id);
    await getPortico().themes.publish(acme.id, { ...theme, locale: { ...theme.locale, offered: ["en", "de"] } }, actor);
    const notOffered = await put({ locale: "fr", texts: { subject: "Bienvenue" } });
    expect(notOffered.status).toBe(400);
    expect(notOffered.body.error.details).toEqual([
      { field: "locale", message: "fr is not among the tenant's offered languages (Branding → Languages)." },
    ]);
    // Nothing of the refused texts went live.
    expect((await verificationSubjects()).de).toBe("Bestätigen Sie Ihre E-Mail-Adresse für mail-api");
  });

  it("travels with the look when an environment is promoted or a tenant cloned", async () => {
    const { getPortico } = await import("~/context.server");
    const { copyPublishedTheme } = await import("~/theme/copy-theme.server");
    const { themes } = getPortico();
    await h.api(writer, "PUT", "/email-templates/magicLink", { locale: "en", texts: { button: "Let me in" } });
    const staging = await h.createTenant("mail-api-staging");
    const actor = { tenantId: staging.id, actor: { type: "system" as const, label: "test" } };
    expect(await copyPublishedTheme(themes, acme, staging, actor)).not.toBeNull();
    const stagingKey = (await h.createKey(staging, ["config:read"])).key;
    const copied = await h.api(stagingKey, "GET", "/email-templates/magicLink");
    expect(copied.body.languages.en.button).toEqual({ text: "Let me in", default: "Sign in" });
  });

  it("answers 404 for an unknown template and 403 without config:write", async () => {
    expect((await h.api(reader, "GET", "/email-templates/newsletter")).status).toBe(404);
    const refused = await h.api(reader, "PUT", "/email-templates/welcome", { locale: "en", texts: { subject: "Hi" } });
    expect(refused.status).toBe(403);
  });

  it("keeps an open Branding draft in step, so publishing it later does not undo the texts", async () => {
    const { getPortico } = await import("~/context.server");
    const { themes } = getPortico();
    const actor = { tenantId: acme.id, actor: { type: "system" as const, label: "test" } };
    await themes.saveDraft(acme.id, { productName: "Acme Draft" }, actor);
    await h.api(writer, "PUT", "/email-templates/welcome", {
      locale: "en",
      texts: { subject: "Hello from {product}" },
    });
    const draft = await themes.draft(acme.id);
    expect(draft?.theme.productName).toBe("Acme Draft");
    expect(draft?.theme.copy.en?.["emails.welcome.subject"]).toBe("Hello from {product}");
    await themes.publish(acme.id, draft!.theme, actor);
    expect((await themes.published(acme.id)).copy.en?.["emails.welcome.subject"]).toBe("Hello from {product}");
  });
});
