import type { Storage } from "~/db/storage.server";
import type { EmailOutbox } from "~/email/outbox.server";

/**
 * What the webhook code needs from the process; tests pass their own storage and secret.
 * `notices` (the outbox, the console's URL and the product name) lets the dispatcher email a
 * tenant's owners when it disables an endpoint; without it nobody is emailed.
 */
export type WebhookDeps = {
  storage: Storage;
  deploymentSecret: string;
  notices?: { outbox: Pick<EmailOutbox, "send">; publicUrl: URL; appName: string };
};

/** An endpoint or delivery that is not this tenant's (or does not exist). */
export class WebhookNotFoundError extends Error {
  constructor(what: "endpoint" | "delivery") {
    super(`This tenant has no such webhook ${what}.`);
  }
}
