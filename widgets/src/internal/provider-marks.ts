import { html, svg, type TemplateResult } from "lit";
import { providerMarkShapes } from "~/auth-methods/social/provider-mark-shapes";

/*
 * The social buttons' names and marks, loaded on demand by <auth-login> (login.component.ts):
 * the marks' path data would take a fifth of the initial module's size budget, and most tenants
 * show no social buttons.
 */

const NAMES: Record<string, string> = {
  google: "Google",
  github: "GitHub",
  microsoft: "Microsoft",
  apple: "Apple",
  discord: "Discord",
  gitlab: "GitLab",
};

/** The provider's name on its button: the tenant's own for a generic OIDC provider. */
export function providerName(id: string, displayName: string): string {
  return displayName || NAMES[id] || id;
}

/** Provider `id`'s mark for its "Continue with …" button: the shapes the hosted pages draw. */
export function providerMark(id: string): TemplateResult {
  return html`<svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" part="provider-mark" data-mark=${id}>
    ${providerMarkShapes(id).map((shape) => svg`<path fill=${shape.fill} d=${shape.d}></path>`)}
  </svg>`;
}
