import axe from "axe-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { mount, next, shadowText, until } from "../../../test/dom";
import "./user-button";

/** Unit tests of <auth-user-button> in Chromium (widgets/vitest.config.ts). */
const backendUrl = inject("backendUrl");

afterEach(() => {
  document.body.replaceChildren();
});

describe("<auth-user-button>", () => {
  it("signed out, offers an accessible Sign in button once the tenant is known", async () => {
    const element = mount("auth-user-button", { tenant: "acme", "base-url": backendUrl });
    expect(await next(element, "portico:ready")).toEqual({ tenant: "acme", user: null });
    // The copy loads on demand (every language, English too): the button waits for it.
    const button = await until(() =>
      element.shadowRoot?.querySelector<HTMLButtonElement>("[part=sign-in-button]:not([disabled])"),
    );
    expect(button.textContent?.trim()).toBe("Sign in");
    const results = await axe.run(element);
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });

  it("in a page header, keeps an error to a short message inside its own box", async () => {
    const header = document.createElement("header");
    header.style.cssText = "display:flex;justify-content:space-between;width:800px";
    header.append(Object.assign(document.createElement("span"), { textContent: "Acme" }));
    document.body.append(header);
    const element = mount("auth-user-button", { tenant: "no-bearer", "base-url": backendUrl }, header);
    expect((await next(element, "portico:error")).code).toBe("bearer_disabled");
    await until(() => shadowText(element).includes("Sign-in unavailable"));
    // The whole message is in the tooltip (and the event), not in the header.
    const alert = element.shadowRoot!.querySelector("[role=alert]")!;
    expect(alert.getAttribute("title")).toContain("Bearer tokens");
    // The header keeps its layout: the widget stays a button-sized box.
    const box = element.getBoundingClientRect();
    expect(box.width).toBeLessThanOrEqual(16 * 16 + 4);
    expect(box.height).toBeLessThanOrEqual(48);
  });
});
