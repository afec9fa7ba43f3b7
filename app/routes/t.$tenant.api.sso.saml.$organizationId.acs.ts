import type { ActionFunctionArgs } from "@remix-run/node";
import { jsonError } from "~/http/responses.server";
import { readForm } from "~/http/read-form.server";
import { samlConnectionOf } from "~/sso/routes.server";
import { acceptSamlResponse } from "~/sso/saml.server";
import { finishSsoSignIn } from "~/sso/sign-in.server";
import { requireTenant } from "~/tenancy/request.server";

/**
 * The assertion consumer service: the identity provider's browser POST (HTTP-POST binding). It
 * comes from the IdP's origin, so it lives under /api/ (no same-origin form check); the signed,
 * one-time, audience-bound assertion is what protects it.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const live = await requireTenant(request, params.tenant);
  const connection = await samlConnectionOf(live, params.organizationId);
  if (!connection) return jsonError(404, "not_found", "There is no SAML connection with this id.");
  const form = await readForm(request);
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const answer = await acceptSamlResponse(live.tenant.slug, connection, {
    SAMLResponse: field("SAMLResponse"),
    RelayState: field("RelayState"),
  });
  return finishSsoSignIn(live, request, connection, answer);
}

export function loader() {
  return jsonError(405, "method_not_allowed", "The identity provider posts its SAMLResponse here (HTTP-POST binding).");
}
