import { operations, type Operations, type User } from "./openapi-types.js";

export type * from "./openapi-types.js";

/**
 * A typed client for Portico's management API (Node 20+, or any runtime with fetch).
 * Every method maps to one operation of the OpenAPI document; its types are generated from
 * that document (src/openapi-types.ts), so they follow the API.
 */
export type OperationId = keyof Operations;

export type CallInput<K extends OperationId> = {
  params?: Operations[K]["params"];
  query?: Operations[K]["query"];
  body?: Operations[K]["body"];
  /** Makes a creating call safe to retry (sent as `Idempotency-Key`). */
  idempotencyKey?: string;
  signal?: AbortSignal;
};

export type PorticoClientOptions = {
  /** Where Portico runs, e.g. `https://auth.example.com` (the client adds `/api/v1`). */
  baseUrl: string;
  /** A tenant API key, `pk_live_…` or `pk_test_…`. */
  apiKey: string;
  /** How often a call refused with 429 is retried after `Retry-After` (default 2). */
  maxRetries?: number;
  /** Another fetch implementation (tests, proxies). */
  fetch?: typeof fetch;
};

/** An error answer of the API: its status, code, message and per-field details. */
export class PorticoApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "PorticoApiError";
  }
}

/** The rate-limit state the last answer reported. */
export type RateLimit = { limit: number; remaining: number; resetSeconds: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class PorticoClient {
  /** Updated after every answer. */
  rateLimit: RateLimit | null = null;
  readonly #base: string;
  readonly #apiKey: string;
  readonly #maxRetries: number;
  readonly #fetch: typeof fetch;

  constructor(options: PorticoClientOptions) {
    this.#base = `${options.baseUrl.replace(/\/+$/, "")}/api/v1`;
    this.#apiKey = options.apiKey;
    this.#maxRetries = options.maxRetries ?? 2;
    this.#fetch = options.fetch ?? globalThis.fetch;
  }

  /** Calls any operation by its operationId. */
  async call<K extends OperationId>(operationId: K, input: CallInput<K> = {}): Promise<Operations[K]["response"]> {
    const response = await this.#send(operationId, input);
    if (response.status === 204) return undefined as Operations[K]["response"];
    return (await response.json()) as Operations[K]["response"];
  }

  async #send<K extends OperationId>(operationId: K, input: CallInput<K>): Promise<Response> {
    const { method, path } = operations[operationId];
    const params = (input.params ?? {}) as Record<string, string>;
    const url = new URL(
      this.#base + path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? "")),
    );
    for (const [name, value] of Object.entries((input.query ?? {}) as Record<string, unknown>)) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { authorization: `Bearer ${this.#apiKey}`, accept: "application/json" };
    if (input.body !== undefined) headers["content-type"] = "application/json";
    if (input.idempotencyKey) headers["idempotency-key"] = input.idempotencyKey;
    for (let attempt = 0; ; attempt++) {
      const response = await this.#fetch(url, {
        method,
        headers,
        body: input.body === undefined ? undefined : JSON.stringify(input.body),
        signal: input.signal,
      });
      this.#recordRateLimit(response);
      if (response.ok) return response;
      if (response.status === 429 && attempt < this.#maxRetries) {
        await sleep(Number(response.headers.get("retry-after") ?? 1) * 1000);
        continue;
      }
      const body = (await response.json().catch(() => null)) as {
        error?: { code: string; message: string; details?: { field: string; message: string }[] };
      } | null;
      throw new PorticoApiError(
        response.status,
        body?.error?.code ?? "http_error",
        body?.error?.message ?? `HTTP ${response.status}`,
        body?.error?.details,
      );
    }
  }

  #recordRateLimit(response: Response) {
    const limit = response.headers.get("ratelimit-limit");
    if (limit === null) return;
    this.rateLimit = {
      limit: Number(limit),
      remaining: Number(response.headers.get("ratelimit-remaining")),
      resetSeconds: Number(response.headers.get("ratelimit-reset")),
    };
  }

  readonly users = {
    list: (query?: Operations["listUsers"]["query"]) => this.call("listUsers", { query }),
    /** Every user matching the query, page after page. */
    iterate: async function* (this: PorticoClient, query: Operations["listUsers"]["query"] = {}): AsyncGenerator<User> {
      let cursor: string | undefined;
      do {
        const page = await this.call("listUsers", { query: { ...query, cursor } });
        yield* page.data;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }.bind(this),
    get: (userId: string) => this.call("getUser", { params: { userId } }),
    create: (body: Operations["createUser"]["body"], options: { idempotencyKey?: string } = {}) =>
      this.call("createUser", { body, ...options }),
    update: (userId: string, body: Operations["updateUser"]["body"]) =>
      this.call("updateUser", { params: { userId }, body }),
    delete: (userId: string) => this.call("deleteUser", { params: { userId } }),
    /** Everything Portico holds about one user (a data access request); never secrets. */
    exportData: (userId: string) => this.call("exportUser", { params: { userId } }),
    ban: (userId: string, body: Operations["banUser"]["body"] = {}) =>
      this.call("banUser", { params: { userId }, body }),
    unban: (userId: string) => this.call("unbanUser", { params: { userId } }),
    /** Marks the user's email address verified (a PATCH of `emailVerified`). */
    markEmailVerified: (userId: string) =>
      this.call("updateUser", { params: { userId }, body: { emailVerified: true } }),
    /** Removes the TOTP secret and backup codes, turns two-factor off and ends the user's sessions. */
    resetTwoFactor: (userId: string) => this.call("resetUserTwoFactor", { params: { userId } }),
    listPasskeys: (userId: string) => this.call("listUserPasskeys", { params: { userId } }),
    /** Removes one passkey, or all of them without `passkeyId`; ends the user's sessions. */
    removePasskeys: (userId: string, passkeyId?: string) =>
      passkeyId
        ? this.call("removeUserPasskey", { params: { userId, passkeyId } })
        : this.call("removeUserPasskeys", { params: { userId } }),
    listSessions: (userId: string) => this.call("listUserSessions", { params: { userId } }),
    revokeSession: (userId: string, sessionId: string) =>
      this.call("revokeUserSession", { params: { userId, sessionId } }),
    revokeAllSessions: (userId: string) => this.call("revokeUserSessions", { params: { userId } }),
    import: (rows: Operations["importUsers"]["body"], options: { idempotencyKey?: string } = {}) =>
      this.call("importUsers", { body: rows, ...options }),
    /** Every user as JSON, or the CSV text. */
    export: async <F extends "json" | "csv" = "json">(format?: F): Promise<F extends "csv" ? string : User[]> => {
      const response = await this.#send("exportUsers", { query: { format: format ?? "json" } });
      return (format === "csv" ? await response.text() : await response.json()) as F extends "csv" ? string : User[];
    },
  };

  readonly organizations = {
    list: (query?: Operations["listOrganizations"]["query"]) => this.call("listOrganizations", { query }),
    get: (organizationId: string) => this.call("getOrganization", { params: { organizationId } }),
    create: (body: Operations["createOrganization"]["body"], options: { idempotencyKey?: string } = {}) =>
      this.call("createOrganization", { body, ...options }),
    delete: (organizationId: string) => this.call("deleteOrganization", { params: { organizationId } }),
    listMembers: (organizationId: string) => this.call("listOrganizationMembers", { params: { organizationId } }),
    addMember: (organizationId: string, body: Operations["addOrganizationMember"]["body"]) =>
      this.call("addOrganizationMember", { params: { organizationId }, body }),
    updateMember: (organizationId: string, memberId: string, body: Operations["updateOrganizationMember"]["body"]) =>
      this.call("updateOrganizationMember", { params: { organizationId, memberId }, body }),
    removeMember: (organizationId: string, memberId: string) =>
      this.call("removeOrganizationMember", { params: { organizationId, memberId } }),
    /** The organization's SCIM provisioning connection (docs/enterprise-sso.md). */
    scim: {
      get: (organizationId: string) => this.call("getScimConnection", { params: { organizationId } }),
      issueToken: (organizationId: string) => this.call("issueScimToken", { params: { organizationId } }),
      revoke: (organizationId: string) => this.call("revokeScimConnection", { params: { organizationId } }),
    },
  };

  readonly webhooks = {
    list: () => this.call("listWebhookEndpoints"),
    get: (endpointId: string) => this.call("getWebhookEndpoint", { params: { endpointId } }),
    create: (body: Operations["createWebhookEndpoint"]["body"], options: { idempotencyKey?: string } = {}) =>
      this.call("createWebhookEndpoint", { body, ...options }),
    update: (endpointId: string, body: Operations["updateWebhookEndpoint"]["body"]) =>
      this.call("updateWebhookEndpoint", { params: { endpointId }, body }),
    delete: (endpointId: string) => this.call("deleteWebhookEndpoint", { params: { endpointId } }),
    rotateSecret: (endpointId: string) => this.call("rotateWebhookSecret", { params: { endpointId } }),
    listDeliveries: (endpointId: string) => this.call("listWebhookDeliveries", { params: { endpointId } }),
    replay: (endpointId: string, deliveryId: string) =>
      this.call("replayWebhookDelivery", { params: { endpointId, deliveryId } }),
    replaySince: (endpointId: string, since: Date) =>
      this.call("replayWebhookDeliveriesSince", { params: { endpointId }, body: { since: since.toISOString() } }),
    sendTestEvent: (endpointId: string) => this.call("sendWebhookTestEvent", { params: { endpointId } }),
  };

  /** OAuth/OIDC clients (applications); a secret is only ever in a create, rotate or update answer. */
  readonly oauthClients = {
    list: () => this.call("listOAuthClients"),
    get: (clientId: string) => this.call("getOAuthClient", { params: { clientId } }),
    create: (body: Operations["createOAuthClient"]["body"], options: { idempotencyKey?: string } = {}) =>
      this.call("createOAuthClient", { body, ...options }),
    update: (clientId: string, body: Operations["updateOAuthClient"]["body"]) =>
      this.call("updateOAuthClient", { params: { clientId }, body }),
    rotateSecret: (clientId: string) => this.call("rotateOAuthClientSecret", { params: { clientId } }),
    delete: (clientId: string) => this.call("deleteOAuthClient", { params: { clientId } }),
  };

  readonly config = {
    get: () => this.call("getConfig"),
    update: (patch: Operations["updateConfig"]["body"]) => this.call("updateConfig", { body: patch }),
  };

  /** An email's texts per language (subject, heading, paragraphs, button, footer). */
  readonly emailTemplates = {
    get: (name: string) => this.call("getEmailTemplate", { params: { name } }),
    update: (name: string, body: Operations["updateEmailTemplate"]["body"]) =>
      this.call("updateEmailTemplate", { params: { name }, body }),
  };

  readonly tokens = {
    /** The user a session token or JWT belongs to, or `{ active: false }`. */
    verify: (token: string) => this.call("verifyToken", { body: { token } }),
  };
}
