import axe from "axe-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { providerMarkShapes } from "~/auth-methods/social/provider-mark-shapes";
import { mount as mountTag, next, shadowText, until } from "../../../test/dom";
import "./login";

/** Unit tests of <auth-login> in Chromium (widgets/vitest.config.ts). */
const backendUrl = inject("backendUrl");
const mount = (attributes: Record<string, string>) => mountTag("auth-login", attributes);

afterEach(() => {
  document.body.replaceChildren();
});

describe("<auth-login>", () => {
  it("without a tenant, says which attribute to set, inside its own box, and emits portico:error", async () => {
    const box = document.createElement("div");
    box.style.width = "320px";
    document.body.append(box);
    const element = document.createElement("auth-login");
    const error = next(element, "portico:error");
    box.append(element);
    expect(await error).toEqual({ code: "tenant_missing", message: 'Set the tenant attribute, e.g. tenant="acme".' });
    await until(() => shadowText(element).includes("Set the tenant attribute"));
    expect(element.getBoundingClientRect().width).toBeLessThanOrEqual(320);
  });

  it("refuses token mode when the tenant has bearer tokens off, naming the fix", async () => {
    const element = mount({ tenant: "no-bearer", "base-url": backendUrl });
    const error = await next(element, "portico:error");
    expect(error.code).toBe("bearer_disabled");
    await until(() => shadowText(element).includes("Bearer tokens"));
  });

  it("renders the tenant's sign-in form with labelled fields, ready and accessible", async () => {
    const element = mount({ tenant: "acme", "base-url": backendUrl });
    expect(await next(element, "portico:ready")).toEqual({ tenant: "acme", user: null });
    const form = await until(() => element.querySelector("form"));
    expect([...form.querySelectorAll("label")].map((label) => label.textContent?.trim())).toEqual([
      "Email",
      "Password",
    ]);
    expect(form.querySelector("input[type=password]")?.getAttribute("autocomplete")).toBe("current-password");
    const results = await axe.run(element);
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });

  it("speaks the language of its lang attribute", async () => {
    const element = mount({ tenant: "acme", "base-url": backendUrl, lang: "de" });
    await next(element, "portico:ready");
    await until(() => element.querySelector("form label")?.textContent?.trim() === "E-Mail");
    expect(element.querySelector("form button[type=submit]")?.textContent?.trim()).toBe("Anmelden");
  });

  it("shows a wrong password's message in an alert and emits it as portico:error", async () => {
    const element = mount({ tenant: "acme", "base-url": backendUrl });
    await next(element, "portico:ready");
    const form = await until(() => element.querySelector("form"));
    form.querySelector<HTMLInputElement>("input[type=email]")!.value = "ada@example.com";
    form.querySelector<HTMLInputElement>("input[type=password]")!.value = "not-her-password";
    const error = next(element, "portico:error");
    form.requestSubmit();
    expect(await error).toEqual({ code: "INVALID_EMAIL_OR_PASSWORD", message: "Incorrect email or password." });
    const alert = await until(() => element.querySelector<HTMLElement>("form [role=alert]"));
    expect(alert.textContent).toContain("Incorrect email or password.");
  });

  it("takes an address alone (it may belong to an SSO domain), then asks for the password when it does not", async () => {
    const element = mount({ tenant: "acme", "base-url": backendUrl });
    await next(element, "portico:ready");
    const form = await until(() => element.querySelector("form"));
    const password = form.querySelector<HTMLInputElement>("input[type=password]")!;
    expect(password.required).toBe(false);
    form.querySelector<HTMLInputElement>("input[type=email]")!.value = "ada@example.com";
    form.requestSubmit();
    // No SSO for this address: the password becomes required and the browser points at it.
    await until(() => password.required);
    expect(password.validity.valueMissing).toBe(true);
    expect(element.querySelector("form [role=alert]")).toBeNull();
  });

  it("words a wrong password as the hosted page does, in the widget's language", async () => {
    const element = mount({ tenant: "acme", "base-url": backendUrl, lang: "de" });
    await next(element, "portico:ready");
    const form = await until(() => element.querySelector("form"));
    form.querySelector<HTMLInputElement>("input[type=email]")!.value = "ada@example.com";
    form.querySelector<HTMLInputElement>("input[type=password]")!.value = "nicht-ihr-passwort";
    form.requestSubmit();
    const alert = await until(() => element.querySelector<HTMLElement>("form [role=alert]"));
    expect(alert.textContent?.trim()).toBe("E-Mail-Adresse oder Passwort ist falsch.");
  });

  it("shows each social provider's mark on its button, the hosted pages' shapes, and a lock for generic OIDC", async () => {
    const element = mount({ tenant: "social", "base-url": backendUrl });
    await next(element, "portico:ready");
    const marks = await until(() => {
      const found = element.shadowRoot!.querySelectorAll("button[data-provider] svg[data-mark]");
      return found.length === 3 ? [...found] : null;
    });
    const drawn = marks.map((mark) => ({
      button: mark.closest("button")!.textContent?.trim(),
      mark: mark.getAttribute("data-mark"),
      hidden: mark.getAttribute("aria-hidden"),
      paths: [...mark.querySelectorAll("path")].map((path) => ({
        fill: path.getAttribute("fill"),
        d: path.getAttribute("d"),
      })),
    }));
    expect(drawn).toEqual(
      [
        ["Continue with GitHub", "github"],
        ["Continue with Microsoft", "microsoft"],
        ["Continue with Contoso SSO", "oidc"],
      ].map(([button, id]) => ({ button, mark: id, hidden: "true", paths: providerMarkShapes(id!) })),
    );
    // The Octocat, Microsoft's four squares and a lock: three different drawings.
    expect(drawn[0]!.paths[0]!.d).toMatch(/^M12 \.297c-6\.63/);
    expect(drawn[1]!.paths.map((path) => path.fill)).toEqual(["#F25022", "#7FBA00", "#00A4EF", "#FFB900"]);
    expect(drawn[2]!.paths[0]!.d).toMatch(/^M12 2a5 5 0 0 1 5 5v2/);
    const results = await axe.run(element);
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
});
