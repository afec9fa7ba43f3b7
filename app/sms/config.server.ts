import { z } from "zod";
import { ConfigError } from "~/config/env.server";

/**
 * The deployment's SMS gateway: a Twilio-compatible Messages API. Read from the environment on
 * its own (not in config/env.server.ts) because only the SMS sender needs it. With no account
 * configured every text stays "captured" in the console's SMS outbox.
 */
const SmsEnvSchema = z.object({
  SMS_TWILIO_ACCOUNT_SID: z.string().trim().min(1).max(100).optional(),
  SMS_TWILIO_AUTH_TOKEN: z.string().trim().min(1).max(200).optional(),
  SMS_FROM: z.string().trim().min(1).max(40).optional(),
  SMS_TWILIO_BASE_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://api.twilio.com" })
    .default("https://api.twilio.com"),
});

export type SmsGateway = {
  accountSid: string;
  authToken: string;
  /** The sender: a phone number in E.164 form or an alphanumeric sender id. */
  from: string;
  /** Scheme, host and port of the Messages API (tests point it at a local receiver). */
  baseUrl: string;
};

/** A deployment configuration error, like the other environment variables' (ConfigError). */
export class SmsConfigError extends ConfigError {}

/** The configured gateway, or null; a partial configuration fails naming what is missing. */
export function readSmsGateway(source: NodeJS.ProcessEnv = process.env): SmsGateway | null {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = SmsEnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SmsConfigError(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  const { SMS_TWILIO_ACCOUNT_SID: accountSid, SMS_TWILIO_AUTH_TOKEN: authToken, SMS_FROM: from } = parsed.data;
  if (!accountSid && !authToken && !from) return null;
  const missing = [
    ["SMS_TWILIO_ACCOUNT_SID", accountSid],
    ["SMS_TWILIO_AUTH_TOKEN", authToken],
    ["SMS_FROM", from],
  ].find(([, value]) => !value)?.[0];
  if (missing || !accountSid || !authToken || !from)
    throw new SmsConfigError(`${missing} is required when any SMS_* variable is set.`);
  return { accountSid, authToken, from, baseUrl: parsed.data.SMS_TWILIO_BASE_URL.replace(/\/$/, "") };
}
