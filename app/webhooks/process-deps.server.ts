import { getPortico } from "~/context.server";
import type { WebhookDeps } from "./deps.server";

/**
 * The process's webhook dependencies, for the surfaces (console actions, routes, the management
 * API). The webhook modules themselves take them as an argument, so the composition root
 * (app/context.server.ts) can use them without importing itself back.
 */
export function webhookDeps(): WebhookDeps {
  return getPortico().webhooks;
}
