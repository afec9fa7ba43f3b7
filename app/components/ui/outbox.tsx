import { Link } from "@remix-run/react";
import { Badge, Card, EmptyState, Table } from "./layout";
import { consoleTime } from "~/components/console-time";

type Entry = { id: string; to: string; subject: string; status: string; createdAt: Date };
type Message = Entry & { text: string; html?: string; lastError?: string | null };

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;

/** Plain text with its http(s) URLs turned into links, so an outbox reader can follow them. */
export function LinkifiedText({ text }: { text: string }) {
  return (
    <p className="font-mono text-sm break-words whitespace-pre-wrap">
      {text.split(URL_PATTERN).map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} className="text-primary underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </p>
  );
}

/** An outbox: the messages (newest first) and, when one is open (`?message=<id>`), its HTML and text. */
export function Outbox({
  messages,
  open,
  basePath,
  emptyText,
}: {
  messages: Entry[];
  open: Message | null;
  basePath: string;
  emptyText: string;
}) {
  return (
    <div className="flex flex-col gap-6">
      {open ? (
        <Card>
          <article aria-labelledby="open-message-subject">
            <h2 id="open-message-subject" className="text-lg font-semibold">
              {open.subject}
            </h2>
            <p className="mt-1 mb-4 text-sm text-muted">
              To {open.to} ·{" "}
              <time dateTime={new Date(open.createdAt).toISOString()}>{consoleTime(open.createdAt)}</time> ·{" "}
              <Badge tone={statusTone(open.status)}>{open.status}</Badge>
            </p>
            {open.lastError ? <p className="mb-4 text-sm text-danger">Last delivery error: {open.lastError}</p> : null}
            {open.html ? (
              <>
                <h3 className="mb-2 text-sm font-semibold">HTML</h3>
                {/* An empty sandbox: the message can neither run scripts nor navigate the console. */}
                <iframe
                  title="Email HTML"
                  sandbox=""
                  srcDoc={open.html}
                  className="mb-4 h-[28rem] w-full rounded-theme border border-border bg-white"
                />
                <h3 className="mb-2 text-sm font-semibold">Plain text</h3>
              </>
            ) : null}
            <LinkifiedText text={open.text} />
            <p className="mt-4">
              <Link to={basePath} className="text-sm text-primary hover:underline">
                Close message
              </Link>
            </p>
          </article>
        </Card>
      ) : null}
      {messages.length === 0 ? (
        <EmptyState title="No messages">{emptyText}</EmptyState>
      ) : (
        <Table label="Messages">
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">Recipient</th>
              <th scope="col">Time</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id} aria-current={open?.id === message.id ? "true" : undefined}>
                <td>
                  <Link to={`${basePath}?message=${message.id}`} className="font-medium text-primary hover:underline">
                    {message.subject}
                  </Link>
                </td>
                <td>{message.to}</td>
                <td>
                  <time dateTime={new Date(message.createdAt).toISOString()}>{consoleTime(message.createdAt)}</time>
                </td>
                <td>
                  <Badge tone={statusTone(message.status)}>{message.status}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

function statusTone(status: string) {
  return status === "sent" ? "success" : status === "failed" ? "danger" : "neutral";
}
