import {
  type AuthMode,
  PorticoClient,
  PorticoError,
  type PorticoSession,
  type PorticoUser,
  type TokenStorage,
} from "./client";

export type SessionStatus = "loading" | "signed-in" | "signed-out";
export type SessionState = { status: SessionStatus; user: PorticoUser | null; session: PorticoSession | null };
/** One account this browser is signed in to (several when the tenant allows multiple sessions). */
export type Account = { user: PorticoUser; sessionToken: string };

type SessionAnswer = { user: PorticoUser; session: PorticoSession } | null;

/**
 * The signed-in state of one tenant on this page, shared by every widget for it and by
 * `window.Portico`: one get-session on load, listeners told of every change.
 */
export class SessionStore {
  state: SessionState = { status: "loading", user: null, session: null };
  private listeners = new Set<(state: SessionState) => void>();
  private loading: Promise<SessionState> | null = null;

  constructor(readonly client: PorticoClient) {}

  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  /** The session on first use; later calls share the answer. */
  load(): Promise<SessionState> {
    this.loading ??= this.refresh().catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  /** Asks Portico who is signed in. A token it no longer accepts is dropped and reported. */
  async refresh(): Promise<SessionState> {
    const { client } = this;
    if (client.mode === "token" && !client.token && !(await this.restoreOnce())) {
      this.set({ status: "signed-out", user: null, session: null });
      return this.state;
    }
    const answer = await client.auth<SessionAnswer>("/get-session");
    if (!answer) {
      const expired = client.mode === "token" && client.token;
      if (client.token) client.forgetToken(client.token);
      this.set({ status: "signed-out", user: null, session: null });
      if (expired) throw new PorticoError("session_expired", "Your session has expired. Please sign in again.", 401);
      return this.state;
    }
    this.set({ status: "signed-in", user: answer.user, session: answer.session });
    return this.state;
  }

  private restored = false;

  /** After a reload: the session kept in Portico's cookie, asked for once per page. */
  private async restoreOnce(): Promise<boolean> {
    if (this.restored) return false;
    this.restored = true;
    const token = await this.client.kept("restore");
    if (token) this.client.useToken(token);
    return token !== null;
  }

  /** After a sign-in answer: reads the full session (user with every field) and tells everyone. */
  async signedIn(): Promise<SessionState> {
    this.loading = null;
    return this.refresh();
  }

  /** A short-lived JWT for the customer's backend (the tenant's JWT method), or null signed out. */
  async getToken(): Promise<string | null> {
    if (this.state.status !== "signed-in") return null;
    const { token } = await this.client.auth<{ token: string }>("/token");
    return token;
  }

  /** Signs the active account out; another kept account (multiple sessions) becomes active. */
  async signOut(): Promise<void> {
    const { client } = this;
    const token = client.token;
    try {
      await client.auth("/sign-out", { method: "POST", body: {} });
    } finally {
      if (token) client.forgetToken(token);
      await client.kept("forget");
    }
    if (client.mode === "token" && client.token) {
      // Another kept account becomes the active one, and the one kept across reloads.
      await client.kept("keep", client.token);
      await this.refresh().catch(() => this.set({ status: "signed-out", user: null, session: null }));
      return;
    }
    this.set({ status: "signed-out", user: null, session: null });
  }

  /** Every account signed in on this browser for the tenant. */
  async accounts(): Promise<Account[]> {
    const { client } = this;
    if (client.mode === "cookie") {
      const sessions = await client.auth<{ user: PorticoUser; session: PorticoSession }[]>(
        "/multi-session/list-device-sessions",
      );
      return sessions.map(({ user, session }) => ({ user, sessionToken: session.token }));
    }
    const answers = await Promise.all(
      client.tokens.map(async (token) => {
        const answer = await client.auth<SessionAnswer>("/get-session", {}, token).catch(() => null);
        if (!answer) client.forgetToken(token);
        return answer ? { user: answer.user, sessionToken: token } : null;
      }),
    );
    return answers.filter((account): account is Account => account !== null);
  }

  /** Makes another signed-in account the active one. */
  async switchTo(account: Account): Promise<SessionState> {
    if (this.client.mode === "cookie") {
      await this.client.auth("/multi-session/set-active", {
        method: "POST",
        body: { sessionToken: account.sessionToken },
      });
    } else {
      this.client.useToken(account.sessionToken);
      await this.client.kept("keep", account.sessionToken);
    }
    return this.refresh();
  }

  /** Keeps the current account and shows the sign-in form for another one (token mode). */
  prepareAnotherAccount(): void {
    this.set({ status: "signed-out", user: null, session: null });
  }
}

export type StoreOptions = { baseUrl: string; tenant: string; mode: AuthMode; storage: TokenStorage };

const stores = new Map<string, SessionStore>();
let defaultStore: SessionStore | null = null;

/** The one store for a tenant (and mode) on this page; the first one made is `window.Portico`'s. */
export function sessionStore({ baseUrl, tenant, mode, storage }: StoreOptions): SessionStore {
  const key = `${baseUrl}|${tenant}|${mode}|${storage}`;
  let store = stores.get(key);
  if (!store) {
    store = new SessionStore(new PorticoClient(baseUrl, tenant, mode, storage));
    stores.set(key, store);
    defaultStore ??= store;
  }
  return store;
}

export function getDefaultStore(): SessionStore | null {
  return defaultStore;
}

export function setDefaultStore(store: SessionStore): void {
  defaultStore = store;
}
