import type { PublicTenantConfig } from "~/auth-methods/public-config";
import type { Theme } from "~/theme/theme";
import type { Challenge } from "altcha-lib";

/** How the widget proves who is signed in: a bearer token it keeps, or Portico's cookies. */
export type AuthMode = "token" | "cookie";
/**
 * Where token mode keeps its tokens: `cookie` (default: in memory, and kept across reloads in an
 * HttpOnly cookie on Portico's host), `memory` (this page only) or `local` (localStorage).
 */
export type TokenStorage = "cookie" | "memory" | "local";

export type PorticoUser = {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  image?: string | null;
  twoFactorEnabled?: boolean | null;
};
export type PorticoSession = {
  id: string;
  token: string;
  expiresAt: string;
  userAgent?: string | null;
  ipAddress?: string | null;
};

/** Every failure a widget reports, as `portico:error` detail and in its alert. */
export class PorticoError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 0,
    /** Seconds until the account may try again (`ACCOUNT_THROTTLED`), as the tenant sent it. */
    readonly retryAfter?: unknown,
  ) {
    super(message);
  }
}

type RequestOptions = { method?: "GET" | "POST"; body?: unknown; query?: Record<string, string> };

const ACCOUNTS_KEY = "portico.accounts";
/** English until the copy loads, then the widget shows its language's `authErrors.networkError`. */
const UNREACHABLE = "We could not reach the sign-in service. Check your connection and try again.";

/**
 * Talks to one tenant's better-auth API from a customer's page. In token mode it sends
 * `Authorization: Bearer` and keeps the `set-auth-token` answers (several when the tenant
 * allows multiple sessions, so accounts can be switched without cookies); in cookie mode it
 * sends credentials and lets the browser keep Portico's cookies (same-site deployments).
 */
export class PorticoClient {
  private configPromise: Promise<PublicTenantConfig> | null = null;
  private themePromise: Promise<Theme | null> | null = null;
  private memoryTokens: string[] = [];
  /** "Password checked, second factor pending" (see app/widgets-server/auth-api.server.ts). */
  private twoFactorToken: string | null = null;

  constructor(
    readonly baseUrl: string,
    readonly tenant: string,
    readonly mode: AuthMode,
    readonly storage: TokenStorage,
  ) {
    if (mode === "token" && storage === "local") this.memoryTokens = readStoredTokens(tenant);
  }

  get tenantUrl(): string {
    return `${this.baseUrl}/t/${encodeURIComponent(this.tenant)}`;
  }

  /** The active bearer token (token mode), if any. */
  get token(): string | null {
    return this.memoryTokens[0] ?? null;
  }

  /** Every token this page holds, the active one first. */
  get tokens(): readonly string[] {
    return this.memoryTokens;
  }

  /** Makes `token` the active one (switching accounts); `keepOthers` keeps the rest. */
  useToken(token: string | null, keepOthers = true): void {
    const others = keepOthers ? this.memoryTokens.filter((t) => t !== token) : [];
    this.memoryTokens = token ? [token, ...others] : others;
    this.persist();
  }

  forgetToken(token: string): void {
    this.memoryTokens = this.memoryTokens.filter((t) => t !== token);
    this.persist();
  }

  private persist(): void {
    if (this.mode !== "token" || this.storage !== "local") return;
    try {
      localStorage.setItem(`${ACCOUNTS_KEY}.${this.tenant}`, JSON.stringify(this.memoryTokens));
    } catch {
      // Storage blocked (private mode, sandboxed iframe): memory still works for this page.
    }
  }

  /**
   * Token storage `cookie`: the session kept across reloads in Portico's HttpOnly cookie
   * (app/widgets-server/kept-session.server.ts). `keep` stores `token`, `restore` answers the
   * kept one (or null), `forget` clears it. Plain-text POSTs need no preflight; a failure only
   * costs the reload, so it answers null.
   */
  async kept(step: "keep" | "restore" | "forget", token = ""): Promise<string | null> {
    if (this.mode !== "token" || this.storage !== "cookie") return null;
    try {
      const url = `${this.tenantUrl}/api/widget-session/${step}`;
      const response = await fetch(url, { method: "POST", body: token, credentials: "include" });
      const answer = (await response.json()) as { token?: unknown };
      return typeof answer.token === "string" ? answer.token : null;
    } catch {
      return null;
    }
  }

  /**
   * Home-realm discovery: the sign-in page of the identity provider of the organization that
   * verified this email's domain (coming back to `redirectTo`), or null to sign in here.
   */
  async ssoSignInUrl(email: string, redirectTo: string): Promise<string | null> {
    const url = new URL(`${this.tenantUrl}/api/sso/discover`);
    url.search = new URLSearchParams({ email, redirectTo }).toString();
    // Best effort: when the lookup fails, the address signs in with its password as before.
    const answer = await this.fetchJson<{ url?: unknown }>(url.toString(), { credentials: "omit" }).catch(() => null);
    return typeof answer?.url === "string" ? answer.url : null;
  }

  /** `GET /t/<tenant>/config.json`, once per page. */
  config(): Promise<PublicTenantConfig> {
    this.configPromise ??= this.fetchJson<PublicTenantConfig>(`${this.tenantUrl}/config.json`, {
      credentials: "omit",
    }).catch((error: unknown) => {
      this.configPromise = null;
      throw error;
    });
    return this.configPromise;
  }

  /** The tenant's theme, or null when it has none published (the widget's defaults apply). */
  theme(): Promise<Theme | null> {
    this.themePromise ??= this.fetchJson<Theme | { theme: Theme }>(`${this.tenantUrl}/theme.json`, {
      credentials: "omit",
    })
      .then((body) => ("theme" in body && typeof body.theme === "object" ? body.theme : (body as Theme)))
      .catch(() => null);
    return this.themePromise;
  }

  /**
   * Calls `<tenant>/api/auth<path>`; throws a PorticoError with the server's code and message.
   * When the tenant's bot protection asks for a proof (sign-up, password reset, sign-in after
   * failures), solves an ALTCHA challenge and sends the request once more with it.
   */
  async auth<T>(path: string, options: RequestOptions = {}, token = this.token): Promise<T> {
    try {
      return await this.send<T>(path, options, token, null);
    } catch (error) {
      if (!(error instanceof PorticoError) || error.code !== "BOT_CHECK_MISSING") throw error;
      return this.send<T>(path, options, token, await this.botProof());
    }
  }

  private async botProof(): Promise<string> {
    const { challenge } = await this.send<{ challenge: Challenge }>("/bot-protection/challenge", {}, null, null);
    const { solveAltcha } = await import("./altcha");
    const proof = await solveAltcha(challenge);
    if (!proof) throw new PorticoError("BOT_CHECK_TIMEOUT", "The bot check took too long. Try again.");
    return proof;
  }

  private async send<T>(
    path: string,
    { method = "GET", body, query }: RequestOptions,
    token: string | null,
    botProof: string | null,
  ): Promise<T> {
    const url = new URL(`${this.tenantUrl}/api/auth${path}`);
    for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
    const headers: Record<string, string> = {};
    if (botProof) headers["x-portico-altcha"] = botProof;
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.mode === "token" && token) headers.authorization = `Bearer ${token}`;
    if (this.twoFactorToken && path.startsWith("/two-factor/")) headers["x-two-factor-token"] = this.twoFactorToken;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: this.mode === "cookie" ? "include" : "omit",
      });
    } catch {
      throw await this.unreachable();
    }
    const newToken = response.headers.get("set-auth-token");
    if (newToken && this.mode === "token") {
      this.useToken(newToken);
      await this.kept("keep", newToken);
    }
    this.twoFactorToken = response.headers.get("set-two-factor-token") ?? (newToken ? null : this.twoFactorToken);
    const text = await response.text();
    const data = parseJson(text);
    if (!response.ok) throw errorFrom(response.status, data);
    return data as T;
  }

  /**
   * A fetch that threw: either the network (or Portico) is down, or the browser refused the
   * answer because this page's origin is not one of the tenant's trusted origins. config.json
   * is readable from anywhere, so it tells the two apart.
   */
  private async unreachable(): Promise<PorticoError> {
    const configReadable = await fetch(`${this.tenantUrl}/config.json`, { credentials: "omit" })
      .then((r) => r.ok)
      .catch(() => false);
    return configReadable
      ? new PorticoError(
          "origin_not_allowed",
          `${location.origin} is not a trusted origin of this tenant: add it in the console's settings.`,
        )
      : new PorticoError("network_error", UNREACHABLE);
  }

  private async fetchJson<T>(url: string, init: RequestInit): Promise<T> {
    let response: Response;
    try {
      response = await fetch(url, init);
    } catch {
      throw new PorticoError("network_error", UNREACHABLE);
    }
    const data = parseJson(await response.text());
    if (!response.ok) throw errorFrom(response.status, data);
    return data as T;
  }
}

function readStoredTokens(tenant: string): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(`${ACCOUNTS_KEY}.${tenant}`) ?? "[]");
    return Array.isArray(stored) ? stored.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** Portico answers `{error:{code,message}}`; better-auth answers `{code,message}`. */
function errorFrom(status: number, data: unknown): PorticoError {
  const body = (data ?? {}) as {
    code?: unknown;
    message?: unknown;
    retryAfter?: unknown;
    error?: { code?: unknown; message?: unknown };
  };
  const source = body.error ?? body;
  const code = typeof source.code === "string" ? source.code : status >= 500 ? "server_error" : "request_failed";
  const message = typeof source.message === "string" && source.message ? source.message : `Request failed (${status}).`;
  return new PorticoError(code, message, status, body.retryAfter);
}
