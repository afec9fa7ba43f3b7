import { Form } from "@remix-run/react";
import { consoleTime } from "~/components/console-time";
import { Button } from "~/components/ui/button";
import { Badge } from "~/components/ui/layout";

type Headers = Record<string, string> | null;

/** A delivery as the console's loader sends it. */
export type DeliveryLogItem = {
  id: string;
  messageId: string;
  type: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  nextAttemptAt: string | Date;
  createdAt: string | Date;
  payload: string | null;
  attemptLog: {
    id: string;
    attempt: number;
    createdAt: string | Date;
    durationMs: number;
    requestHeaders: Headers;
    responseStatus: number | null;
    responseHeaders: Headers;
    responseBody: string | null;
    error: string | null;
  }[];
};

/** The payload indented for reading; what was sent is the compact form the signature covers. */
function readable(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

function HeaderList({ label, headers }: { label: string; headers: Headers }) {
  if (!headers) return <p className="text-xs text-muted">{label}: not recorded for this attempt.</p>;
  return (
    <dl aria-label={label} className="grid grid-cols-[max-content_1fr] gap-x-3 font-mono text-xs">
      {Object.entries(headers).map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="text-muted">{name}</dt>
          <dd className="break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One attempt: the request as sent beside the receiver's answer. */
function Attempt({ attempt, payload }: { attempt: DeliveryLogItem["attemptLog"][number]; payload: string | null }) {
  const outcome = attempt.responseStatus !== null ? `HTTP ${attempt.responseStatus}` : (attempt.error ?? "no response");
  return (
    <div className="rounded-theme bg-background p-2">
      <p>
        Attempt {attempt.attempt} · {consoleTime(attempt.createdAt)} · {attempt.durationMs} ms · {outcome}
      </p>
      <div className="mt-2 grid gap-3 lg:grid-cols-2">
        <section aria-label={`Request of attempt ${attempt.attempt}`} className="min-w-0">
          <h4 className="text-xs font-semibold">Request</h4>
          <HeaderList label="Request headers" headers={attempt.requestHeaders} />
          {payload ? (
            <pre tabIndex={0} className="mt-1 max-h-64 overflow-auto text-xs whitespace-pre-wrap">
              {readable(payload)}
            </pre>
          ) : null}
        </section>
        <section aria-label={`Response of attempt ${attempt.attempt}`} className="min-w-0">
          <h4 className="text-xs font-semibold">Response</h4>
          {attempt.responseStatus === null ? (
            <p className="text-xs">{attempt.error ?? "No response."}</p>
          ) : (
            <>
              <HeaderList label="Response headers" headers={attempt.responseHeaders} />
              {attempt.responseBody ? (
                <pre tabIndex={0} className="mt-1 max-h-64 overflow-auto text-xs whitespace-pre-wrap">
                  {attempt.responseBody}
                </pre>
              ) : null}
            </>
          )}
        </section>
      </div>
    </div>
  );
}

/** An endpoint's recent deliveries: each opens to its attempts, with replay for those who manage. */
export function DeliveryLog({
  endpointId,
  deliveries,
  canManage,
}: {
  endpointId: string;
  deliveries: DeliveryLogItem[];
  canManage: boolean;
}) {
  return (
    <ul className="flex flex-col divide-y divide-border rounded-theme border border-border" aria-label="Deliveries">
      {deliveries.map((delivery) => (
        <li key={delivery.id} className="p-3 text-sm">
          <details>
            <summary className="flex cursor-pointer flex-wrap items-center gap-2">
              <span className="font-medium">{delivery.type}</span>
              <Badge
                tone={
                  delivery.status === "succeeded" ? "success" : delivery.status === "pending" ? "neutral" : "danger"
                }
              >
                {delivery.status}
              </Badge>
              <span className="text-muted">
                {consoleTime(delivery.createdAt)} · {delivery.attempts} attempt{delivery.attempts === 1 ? "" : "s"}
                {delivery.lastStatus !== null ? ` · last HTTP ${delivery.lastStatus}` : ""}
                {delivery.status === "pending" ? ` · next ${consoleTime(delivery.nextAttemptAt)}` : ""}
              </span>
            </summary>
            <div className="mt-2 flex flex-col gap-2">
              <p className="text-muted">Message {delivery.messageId}</p>
              {delivery.attemptLog.map((attempt) => (
                <Attempt key={attempt.id} attempt={attempt} payload={delivery.payload} />
              ))}
              {canManage ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="replay" />
                  <input type="hidden" name="endpointId" value={endpointId} />
                  <input type="hidden" name="deliveryId" value={delivery.id} />
                  <Button variant="secondary">Replay this delivery</Button>
                </Form>
              ) : null}
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
