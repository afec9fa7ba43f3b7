import { trace, type Context } from "@opentelemetry/api";
import type { ReadableSpan, Span, SpanProcessor } from "@opentelemetry/sdk-trace-node";

/**
 * Keeps database spans that belong to nothing out of the export. The outbox workers and the
 * retention job poll the database every few seconds; each poll would otherwise be a trace of
 * its own, thousands an hour of noise (and a vendor's bill). Queries inside a request or a
 * withSpan() are kept; so is the work a poll finds, once it runs inside withSpan().
 *
 * Type-only imports: the SDK is loaded by startTracing(), never by this module.
 */
export class BackgroundQueryFilter implements SpanProcessor {
  readonly #next: SpanProcessor;
  /** Spans being dropped (a root Prisma span and its children), until they end. */
  readonly #dropping = new Set<string>();

  constructor(next: SpanProcessor) {
    this.#next = next;
  }

  onStart(span: Span, parentContext: Context): void {
    const parent = trace.getSpanContext(parentContext);
    const isQuery = span.name.startsWith("prisma:");
    if (isQuery && (!parent || this.#dropping.has(parent.spanId))) {
      this.#dropping.add(span.spanContext().spanId);
      return;
    }
    this.#next.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    if (this.#dropping.delete(span.spanContext().spanId)) return;
    this.#next.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.#next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.#next.shutdown();
  }
}
