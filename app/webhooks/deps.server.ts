import { getPortico } from "~/context.server";
import type { Storage } from "~/db/storage.server";

/** What the webhook code needs from the process; tests pass their own storage and secret. */
export type WebhookDeps = { storage: Storage; deploymentSecret: string };

export function webhookDeps(): WebhookDeps {
  const { storage, env } = getPortico();
  return { storage, deploymentSecret: env.secret };
}

/** An endpoint or delivery that is not this tenant's (or does not exist). */
export class WebhookNotFoundError extends Error {
  constructor(what: "endpoint" | "delivery") {
    super(`This tenant has no such webhook ${what}.`);
  }
}
