import { randomBytes } from "node:crypto";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { z } from "zod";
import { errorField, log } from "~/ops/log.server";

/**
 * Account-enumeration protection (issue 13 item 6), when the tenant turns it on: sign-up answers
 * an existing address like a new one (better-auth's generic duplicate answer, with `autoSignIn`
 * off, see tenant-auth.server.ts), emails go out after the response (better-auth's background
 * tasks), and a password-reset request is answered at once while its lookup, token and email
 * run afterwards, so an existing and an unknown address take the same time.
 */
export const RESET_REQUEST_PATH = "/request-password-reset";

/** better-auth's own answer to a reset request, whether or not the address has an account. */
export const GENERIC_RESET_ANSWER = {
  status: true,
  message: "If this email exists in our system, check your email for the reset link",
};

/** Marks the deferred run of a request, so it is not deferred again (the value is per instance, never sent out). */
const DEFERRED_HEADER = "x-portico-deferred-reset";

const ResetRequestSchema = z.object({
  email: z.email("Invalid email: enter an address such as name@example.com.").max(254, "Invalid email: too long."),
  redirectTo: z.string("Invalid redirectTo: expected a URL.").max(2048, "Invalid redirectTo: too long.").optional(),
});

export type ResetRequest = z.infer<typeof ResetRequestSchema>;

/** Runs work after the response, logging instead of losing its failure. */
export function runAfterResponse(work: Promise<unknown>): void {
  work.catch((error: unknown) => log.error({ err: errorField(error) }, "Background auth task failed"));
}

/**
 * Answers /request-password-reset at once and runs the real endpoint (`run`, better-auth's
 * requestPasswordReset through the tenant's API) after the response. The input is checked
 * first, so a malformed address or an untrusted redirectTo is still a 4xx naming the field.
 */
export function deferredPasswordReset(run: (body: ResetRequest, headers: Headers) => Promise<unknown>) {
  const marker = randomBytes(16).toString("hex");
  return {
    id: "portico-deferred-password-reset",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === RESET_REQUEST_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            if (ctx.headers?.get(DEFERRED_HEADER) === marker) return;
            const parsed = ResetRequestSchema.safeParse(ctx.body ?? {});
            if (!parsed.success) {
              const issue = parsed.error.issues[0]!;
              const code = issue.path[0] === "redirectTo" ? "INVALID_REDIRECT_URL" : "INVALID_EMAIL";
              throw new APIError("BAD_REQUEST", { code, message: issue.message });
            }
            const { redirectTo } = parsed.data;
            if (redirectTo && !ctx.context.isTrustedOrigin(redirectTo, { allowRelativePaths: true }))
              throw new APIError("FORBIDDEN", {
                code: "INVALID_REDIRECT_URL",
                message: "Invalid redirectTo: not a trusted origin.",
              });
            const headers = new Headers(ctx.request?.headers ?? ctx.headers);
            headers.set(DEFERRED_HEADER, marker);
            runAfterResponse(run(parsed.data, headers));
            return ctx.json(GENERIC_RESET_ANSWER);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
