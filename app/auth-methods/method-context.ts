import type { TenantAuthEvent } from "~/auth/auth-events";
import type { TenantEmail } from "~/email/templates.server";
import type { SendSms } from "~/sms/phone-number.server";
import type { TenantDb } from "~/db/clients.server";
import type { SignUpMode } from "~/tenancy/config";

/** What a method's better-auth wiring may use besides its own settings. */
export type AuthMethodContext = {
  /** `hostnames`: the tenant's custom domains (passkeys belong to the host they are made on). */
  tenant: { slug: string; name: string; hostnames?: readonly string[] };
  publicUrl: URL;
  /** Sends one of the tenant's auth emails through the outbox (a template from emails/, or plain text). */
  sendEmail: (email: TenantEmail) => Promise<void>;
  /** Reports an auth event (audit log, webhooks). */
  onEvent: (event: TenantAuthEvent) => void;
  /** The tenant's decrypted secrets (OAuth client secrets, see the catalog's secretSettings); none if left out. */
  secrets?: Readonly<Record<string, string>>;
  /** Queues one of the tenant's text messages in the SMS outbox. */
  sendSms?: SendSms;
  /** The tenant's sign-up mode; social and phone sign-ups only happen when it is "open". */
  signUpMode: SignUpMode;
  /** The tenant's database, for claims read when a JWT is signed (the member's roles). */
  db?: TenantDb;
  /** The tenant's per-client-IP rate limit (Settings); the OAuth token endpoints follow it. */
  rateLimit?: { window: number; max: number };
};
