import type { Storage } from "~/db/storage.server";
import { OutboxSeal } from "~/outbox/seal.server";
import { OutboxEngine } from "~/outbox/engine.server";
import type { OutboxKind } from "~/outbox/kind.server";
import { describeError } from "~/outbox/retry";
import { MessageSender, QUEUED, settleMessage, type SendPass } from "~/outbox/sealed-messages.server";
import type { SmsGateway } from "./config.server";

export type SmsSendPass = SendPass;

/** Waits after the 1st…4th failed attempt; the 5th failure marks the message "failed". */
export const SMS_RETRY_DELAYS_MS = [15_000, 60_000, 5 * 60_000, 30 * 60_000] as const;
export const SMS_MAX_ATTEMPTS = SMS_RETRY_DELAYS_MS.length + 1;

const REQUEST_TIMEOUT_MS = 15_000;
/** Longer than the request timeout, so a live sender always finishes first. */
const CLAIM_LEASE_MS = 60_000;

/**
 * Text messages as an outbox kind, sent through a Twilio-compatible Messages API
 * (`POST /2010-04-01/Accounts/<sid>/Messages.json`, form-encoded To/From/Body, basic auth).
 * A code that arrives hours late is useless, so retries stop after about half an hour.
 */
export function smsKind(storage: Storage, gateway: SmsGateway | null, seal: OutboxSeal): OutboxKind {
  return {
    name: "SMS",
    table: "sms_message",
    pendingStatus: QUEUED,
    leaseMs: CLAIM_LEASE_MS,
    sendTimeoutMs: REQUEST_TIMEOUT_MS,
    batchSize: 1,
    passLimit: 20,
    retry: { delaysMs: SMS_RETRY_DELAYS_MS, jitter: 0 },
    active: () => gateway !== null,
    async send(claim, signal) {
      // Not reached without a gateway (`active`); were it removed, the text stays "captured".
      if (!gateway) return { result: "withdrawn" };
      const db = await storage.control();
      const message = await db.smsMessage.findUniqueOrThrow({ where: { id: claim.id } });
      try {
        const body = message.sealed ? seal.open(message.sealed) : message.body;
        await deliver(gateway, { to: message.to, body }, signal);
        return { result: "delivered" };
      } catch (error) {
        return { result: "failed", error: describeError(error, [gateway.authToken]) };
      }
    },
    async settle(claim, settlement) {
      await settleMessage((await storage.control()).smsMessage, claim, settlement);
    },
  };
}

/** Delivers queued text messages through the outbox engine (app/outbox). */
export class SmsSender extends MessageSender {
  constructor(
    storage: Storage,
    private readonly gateway: SmsGateway | null,
    /** `seal` must be the outbox's (same PORTICO_SECRET), or sealed texts cannot be opened. */
    { now, seal = new OutboxSeal() }: { now?: () => Date; seal?: OutboxSeal } = {},
  ) {
    super(new OutboxEngine(storage, smsKind(storage, gateway, seal), { now }));
  }

  /** Whether texts are delivered at all (else they stay captured in the console). */
  get configured(): boolean {
    return this.gateway !== null;
  }
}

async function deliver(gateway: SmsGateway, message: { to: string; body: string }, signal: AbortSignal): Promise<void> {
  const url = `${gateway.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(gateway.accountSid)}/Messages.json`;
  const response = await fetch(url, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${gateway.accountSid}:${gateway.authToken}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ To: message.to, From: gateway.from, Body: message.body }),
    signal,
    redirect: "error",
  });
  if (response.ok) return;
  // Twilio answers errors as JSON { code, message }; anything else is reported by status.
  const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
  const detail = typeof body?.message === "string" ? `: ${body.message}` : "";
  throw new Error(`The SMS gateway answered ${response.status}${detail}`);
}
