import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { decryptSecret, encryptSecret } from "~/crypto/secrets.server";

/** `whsec_` + base64 of 32 random bytes, the Standard Webhooks secret format. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** Webhook secrets are encrypted at rest, bound to their endpoint so rows cannot be swapped. */
const purpose = (endpointId: string) => `webhook-secret:${endpointId}`;

export function sealWebhookSecret(deploymentSecret: string, endpointId: string, secret: string): string {
  return encryptSecret(deploymentSecret, purpose(endpointId), secret);
}

export function openWebhookSecret(deploymentSecret: string, endpointId: string, sealed: string): string {
  return decryptSecret(deploymentSecret, purpose(endpointId), sealed);
}

/**
 * The three Standard Webhooks headers. With several secrets (a rotation still in its overlap)
 * `webhook-signature` carries one `v1,<sig>` per secret, space-separated, so receivers still
 * holding the old secret keep verifying.
 */
export function signWebhook(
  secrets: string[],
  message: { id: string; timestamp: Date; body: string },
): Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string> {
  return {
    "webhook-id": message.id,
    "webhook-timestamp": String(Math.floor(message.timestamp.getTime() / 1000)),
    "webhook-signature": secrets
      .map((secret) => new Webhook(secret).sign(message.id, message.timestamp, message.body))
      .join(" "),
  };
}
