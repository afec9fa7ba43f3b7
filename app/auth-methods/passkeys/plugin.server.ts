import { passkey } from "@better-auth/passkey";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import type { AuthMethodContext } from "~/auth-methods/method-context";

const OPTIONS_PATHS = ["/passkey/generate-register-options", "/passkey/generate-authenticate-options"];

/**
 * The hosts a tenant's passkeys belong to (WebAuthn relying-party ids): the deployment's host,
 * where every tenant lives under /t/<slug>, and each of the tenant's custom domains.
 */
export function passkeyRelyingParty(tenant: { hostnames?: readonly string[] }, publicUrl: URL) {
  const rpIds = [publicUrl.hostname, ...(tenant.hostnames ?? [])];
  // A custom domain is reached on the deployment's own port, over https in production.
  const port = publicUrl.port ? `:${publicUrl.port}` : "";
  const schemes = publicUrl.protocol === "https:" ? ["https"] : ["https", "http"];
  const origins = [
    publicUrl.origin,
    ...(tenant.hostnames ?? []).flatMap((host) => schemes.map((scheme) => `${scheme}://${host}${port}`)),
  ];
  return { rpIds, origins };
}

/** The relying-party id for one request: the custom domain it arrived on, else the shared host. */
export function rpIdForRequest(request: Request | undefined, rpIds: readonly string[], sharedHost: string): string {
  const host = request ? new URL(request.url).hostname.toLowerCase() : "";
  return rpIds.includes(host) ? host : sharedHost;
}

/**
 * @better-auth/passkey for one tenant. The plugin takes one relying-party id, but one tenant
 * instance serves the shared host and its custom domains; so it verifies against the list of the
 * tenant's hosts and origins (@simplewebauthn accepts lists) and the options it hands to the
 * browser name the host the request came to. Passkeys from another tenant are not in this
 * tenant's database, so they are refused even on the shared host, where all tenants share an id.
 */
export function tenantPasskeyPlugin({ tenant, publicUrl }: Pick<AuthMethodContext, "tenant" | "publicUrl">) {
  const { rpIds, origins } = passkeyRelyingParty(tenant, publicUrl);
  const plugin = passkey({
    rpName: tenant.name,
    // Read only by the verify endpoints (as the expected ids); the options endpoints are rewritten below.
    rpID: rpIds as unknown as string,
    origin: origins,
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
  });
  return {
    ...plugin,
    hooks: {
      after: [
        {
          matcher: (ctx) => OPTIONS_PATHS.includes(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned as Record<string, unknown> | undefined;
            if (!returned || typeof returned !== "object" || returned instanceof Error) return;
            const rpId = rpIdForRequest(ctx.request, rpIds, publicUrl.hostname);
            if ("rp" in returned) return ctx.json({ ...returned, rp: { name: tenant.name, id: rpId } });
            if ("rpId" in returned) return ctx.json({ ...returned, rpId });
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
