import pg from "pg";
import { errorField, log } from "../ops/log.server";
import { ChangeFeed } from "./change-feed.server";

/** NOTIFY channels are per database, so deployments on different databases never hear each other. */
export const POSTGRES_CHANNEL = "portico_tenant_changes";

/** How often the listening connection is checked, and how long an answer may take. */
const HEARTBEAT_MS = 5_000;

/**
 * PostgreSQL LISTEN/NOTIFY, for deployments without Redis. Listening holds one connection of
 * its own for the life of the process (a pooled connection would be handed to queries);
 * messages are sent with `pg_notify` through the shared pool. A dropped connection is retried
 * every `reconnectMs`, and on each (re)connect listeners re-check what they cached.
 */
export class PostgresChangeFeed extends ChangeFeed {
  readonly kind = "postgresql" as const;
  #client: pg.Client | undefined;
  #live = false;
  #closed = false;
  #retry: NodeJS.Timeout | undefined;

  #heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly pool: pg.Pool,
    private readonly options: { reconnectMs?: number; heartbeatMs?: number } = {},
  ) {
    super();
  }

  get live() {
    return this.#live;
  }

  /** Resolves after the first attempt; a failed one keeps retrying in the background. */
  async start(): Promise<void> {
    await this.#connect();
  }

  async #connect(): Promise<void> {
    if (this.#closed) return;
    const heartbeatMs = this.options.heartbeatMs ?? HEARTBEAT_MS;
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: "portico-change-feed",
      connectionTimeoutMillis: heartbeatMs,
      query_timeout: heartbeatMs,
    });
    this.#client = client;
    // 'error' then 'end' follow a dropped connection; only 'end' acts, so it is handled once.
    client.on("error", (error) => log.warn({ err: errorField(error) }, "Tenant change listener connection failed"));
    client.on("end", () => this.#dropped(client));
    client.on("notification", (message) => {
      if (message.channel === POSTGRES_CHANNEL && message.payload) this.receive(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${POSTGRES_CHANNEL}`);
    } catch (error) {
      log.warn({ err: errorField(error) }, "Cannot listen for tenant changes; retrying");
      await client.end().catch(() => undefined);
      this.#dropped(client);
      return;
    }
    if (this.#closed || this.#client !== client) return;
    this.#live = true;
    this.announceConnected();
    // A listener hears nothing on a connection that died silently (a network partition), so it
    // asks now and then; no answer in time counts as a drop.
    this.#heartbeat = setInterval(() => {
      client.query("SELECT 1").catch(() => {
        this.#dropped(client);
        void client.end().catch(() => undefined);
      });
    }, heartbeatMs);
    this.#heartbeat.unref();
  }

  #dropped(client: pg.Client) {
    if (this.#client !== client) return;
    this.#client = undefined;
    clearInterval(this.#heartbeat);
    const wasLive = this.#live;
    this.#live = false;
    if (wasLive) this.announceDisconnected();
    if (this.#closed || this.#retry) return;
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      void this.#connect();
    }, this.options.reconnectMs ?? 1000);
    this.#retry.unref();
  }

  protected async send(message: string): Promise<void> {
    await this.pool.query("SELECT pg_notify($1, $2)", [POSTGRES_CHANNEL, message]);
  }

  async close(): Promise<void> {
    await this.flush();
    this.#closed = true;
    clearTimeout(this.#retry);
    clearInterval(this.#heartbeat);
    const client = this.#client;
    this.#client = undefined;
    this.#live = false;
    await client?.end().catch(() => undefined);
  }
}
