import { z } from "zod";
import { ConfigError } from "~/config/env.server";

/**
 * The deployment's side of bot and breached-password protection, read from the environment on
 * its own (like app/sms/config.server.ts) because only this capability needs it.
 * - PORTICO_ALLOW_OUTBOUND: whether the server may call third parties for tenants (Have I Been
 *   Pwned's range API); off by default, so an air-gapped deployment never tries.
 * - PORTICO_HIBP_RANGE_URL: the range API (or a self-hosted mirror of it).
 * - PORTICO_CAPTCHA_VERIFY_URL: replaces the third-party CAPTCHA's siteverify URL (a proxy, or a
 *   stand-in in tests); unset means each provider's own.
 */
const BotEnvSchema = z.object({
  PORTICO_ALLOW_OUTBOUND: z.enum(["true", "false"]).default("false"),
  PORTICO_HIBP_RANGE_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://api.pwnedpasswords.com/range/" })
    .default("https://api.pwnedpasswords.com/range/"),
  PORTICO_CAPTCHA_VERIFY_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL of a siteverify endpoint" })
    .optional(),
});

export type BotProtectionDeployment = {
  allowOutbound: boolean;
  /** Ends with "/": the five-character hash prefix is appended. */
  hibpRangeUrl: string;
  captchaVerifyUrl: string | undefined;
};

let cached: BotProtectionDeployment | undefined;

export function botProtectionDeployment(source: NodeJS.ProcessEnv = process.env): BotProtectionDeployment {
  if (cached && source === process.env) return cached;
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = BotEnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  const result = {
    allowOutbound: parsed.data.PORTICO_ALLOW_OUTBOUND === "true",
    hibpRangeUrl: parsed.data.PORTICO_HIBP_RANGE_URL.replace(/\/?$/, "/"),
    captchaVerifyUrl: parsed.data.PORTICO_CAPTCHA_VERIFY_URL,
  };
  if (source === process.env) cached = result;
  return result;
}
