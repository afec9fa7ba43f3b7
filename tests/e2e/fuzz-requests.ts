/**
 * The fuzz test's request generator (tests/e2e/fuzz.test.ts): malformed requests across the
 * tenant auth API, the management API, SCIM, hosted pages, platform pages and console actions,
 * drawn from a seeded PRNG so a failing seed replays exactly.
 */

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof prng>;

export type FuzzRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Send the body with Transfer-Encoding: chunked instead of a Content-Length. */
  chunked?: boolean;
};

export type FuzzContext = {
  origin: string;
  slug: string;
  /** A platform (console) session cookie for an owner of `slug`. */
  consoleCookie: string;
  /** A management API key for `slug` with every scope. */
  apiKey: string;
  /** The SCIM token of one of `slug`'s organizations. */
  scimToken: string;
};

const AUTH_ENDPOINTS = [
  "sign-in/email",
  "sign-up/email",
  "sign-in/username",
  "get-session",
  "sign-out",
  "forget-password",
  "request-password-reset",
  "reset-password",
  "verify-email",
  "send-verification-email",
  "update-user",
  "change-password",
  "change-email",
  "delete-user",
  "list-sessions",
  "revoke-session",
  "sign-in/social",
  "sign-in/magic-link",
  "magic-link/verify",
  "email-otp/send-verification-otp",
  "sign-in/email-otp",
  "two-factor/enable",
  "two-factor/verify-totp",
  "passkey/generate-register-options",
  "passkey/verify-authentication",
  "phone-number/send-otp",
  "organization/create",
  "organization/set-active",
  "multi-session/list-device-sessions",
  "token",
  "jwks",
  "ok",
  "no-such-endpoint",
];

const API_PATHS = [
  "users",
  "users/import",
  "users/export",
  "users/{id}",
  "users/{id}/ban",
  "users/{id}/unban",
  "users/{id}/sessions",
  "users/{id}/sessions/{id}",
  "users/{id}/two-factor/reset",
  "users/{id}/passkeys",
  "users/{id}/passkeys/{id}",
  "organizations",
  "organizations/{id}",
  "organizations/{id}/members",
  "organizations/{id}/members/{id}",
  "webhooks/endpoints",
  "webhooks/endpoints/{id}",
  "webhooks/endpoints/{id}/rotate-secret",
  "webhooks/endpoints/{id}/deliveries",
  "webhooks/endpoints/{id}/replay",
  "config",
  "tokens/verify",
  "forward-auth/rules",
  "forward-auth/decisions",
  "openapi.json",
  "nothing-here",
];

const SCIM_PATHS = [
  "Users",
  "Users/{id}",
  "Groups",
  "Groups/{id}",
  "ServiceProviderConfig",
  "ResourceTypes",
  "ResourceTypes/{id}",
  "Schemas",
  "Schemas/{id}",
  "Users?filter=userName%20eq%20%22a%40b.co%22",
  "Users?filter=%22%5C",
  "Users?filter=userName%20eq%20%22%5Cu0000%22&startIndex=-5&count=1e9",
  "Groups?excludedAttributes=members&filter=displayName%20eq%20%22%22",
  "nothing/{id}/deeper",
];

const HOSTED_PAGES = [
  "sign-in",
  "sign-up",
  "forgot-password",
  "reset-password",
  "verify-email",
  "magic-link",
  "email-code",
  "two-factor",
  "phone",
  "account",
  "account/passkeys",
  "account/two-factor",
  "account/phone",
  "device-sessions",
  "organizations/new",
  "organizations/switch",
  "organizations/{id}",
  "invitations/{id}",
  "social/google",
  "social/{id}",
  "sign-in/error",
  "embed",
  "forward-auth",
  "forward-auth/nginx",
  "forward-auth/envoy/{id}",
  "forward-auth/authorize",
  "forward-auth/callback",
  "forward-auth/sign-out",
  "",
];

const CONSOLE_PAGES = [
  "",
  "branding",
  "branding/preview",
  "api-keys",
  "settings",
  "auth-methods",
  "danger",
  "database",
  "domains",
  "emails",
  "environments",
  "members",
  "users",
  "users/{id}",
  "webhooks",
  "audit",
  "outbox",
  "sms",
];

const PLATFORM_PAGES = ["/sign-in", "/sign-up", "/sign-out", "/admin", "/admin/outbox", "/invite/{id}", "/", "/docs"];

const BAD_SLUGS = [
  "..",
  "%2e%2e",
  "..%2f..%2fetc%2fpasswd",
  "demo%00",
  "%00",
  "d%C3%A9mo",
  "%F0%9F%92%A9",
  "x".repeat(300),
  "DEMO",
  "demo%20",
  "%25",
  "admin",
  "con",
  "a..b",
];

const BAD_SEGMENTS = ["%E0%A4%A", "%", "%zz", "%C0%AF", "%ED%A0%80", "..%5c..", "%u0041", "%FF%FE"];

const METHODS = ["GET", "POST", "POST", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "PROPFIND", "FOO"];

const CONTENT_TYPES = [
  "application/scim+json",
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=utf-16",
  "text/plain",
  "application/xml",
  "text/xml",
  "application/x-www-form-urlencoded",
  "application/x-www-form-urlencoded; charset=iso-8859-1",
  "multipart/form-data",
  "multipart/form-data; boundary=fuzzboundary",
  "multipart/form-data; boundary=",
  "application/x-ndjson",
  "text/csv",
  "application/octet-stream",
  "image/png",
  "garbage",
  ";;;",
  "application/json\u0000",
];

const FIELD_NAMES = [
  "email",
  "password",
  "name",
  "intent",
  "redirectTo",
  "callbackURL",
  "token",
  "code",
  "username",
  "phoneNumber",
  "scopes",
  "url",
  "id",
  "role",
  "slug",
  "confirm",
  "__proto__",
  "constructor",
  "rateLimitPerMinute",
  "primaryColor",
  "customCss",
  "trustedOrigins",
  "users",
  "schemas",
  "Operations",
  "op",
  "path",
  "value",
  "userName",
  "emails",
  "active",
  "members",
  "displayName",
];

const INTENTS = ["create", "revoke", "delete", "update", "save", "publish", "ban", "rotate", "invite", "x", ""];

function randomString(rng: Rng, max = 40): string {
  const alphabets = [
    "abcdefghijklmnopqrstuvwxyz0123456789",
    "\u0000\u0001\u001f\u007f\ufffe\uffff",
    "ÄÖÜßéñ中文字😀𝕏\u202e\u200b",
    "<>\"'&;%$#{}[]\\/`",
    "\r\n\t ",
  ];
  const length = rng.chance(0.05) ? 5_000 + rng.int(15_000) : rng.int(max);
  // Whole code points: a lone surrogate is not a string anyone can send.
  const alphabet = [...rng.pick(alphabets)];
  let text = "";
  for (let i = 0; i < length; i++) text += alphabet[rng.int(alphabet.length)];
  return text;
}

function randomValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(depth > 2 ? 5 : 8)) {
    case 0:
      return randomString(rng);
    case 1:
      return rng.int(1e9) * (rng.chance(0.5) ? -1 : 1);
    case 2:
      return rng.pick([true, false, null, 0, -0, 1e308, Number.MAX_SAFE_INTEGER, 3.14]);
    case 3:
      return `${randomString(rng, 10)}@example.com`;
    case 4:
      return rng.pick(["", " ", "null", "undefined", "NaN", "[object Object]", "../../etc/passwd"]);
    case 5:
      return Array.from({ length: rng.int(5) }, () => randomValue(rng, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: rng.int(5) }, () => [rng.pick(FIELD_NAMES), randomValue(rng, depth + 1)]),
      );
  }
}

function deeplyNested(rng: Rng): string {
  const depth = 1_000 + rng.int(30_000);
  return rng.chance(0.5) ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

function multipart(rng: Rng, boundary: string): string {
  const parts = Array.from(
    { length: rng.int(4) },
    () =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${rng.pick(FIELD_NAMES)}"\r\n\r\n${randomString(rng)}\r\n`,
  );
  // Often cut off or missing its closing boundary.
  const ending = rng.pick([`--${boundary}--\r\n`, "", `--${boundary}`, "--", "\r\n"]);
  return parts.join("") + ending;
}

function formBody(rng: Rng): string {
  const pairs = Array.from({ length: rng.int(6) }, () => {
    const name = rng.pick(FIELD_NAMES);
    const value = name === "intent" ? rng.pick(INTENTS) : String(randomValue(rng));
    return rng.chance(0.1) ? `${name}=%E0%A4%A` : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  });
  return pairs.join("&");
}

function body(rng: Rng, contentType: string | undefined): Buffer | undefined {
  switch (rng.int(12)) {
    case 0:
      return undefined;
    case 1:
      return Buffer.alloc(0);
    case 2:
      return Buffer.from(deeplyNested(rng));
    case 3:
      // Over every page and auth API limit (256 KB); the management API allows more.
      return Buffer.alloc(257 * 1024 + rng.int(64 * 1024), rng.pick(["a", "{", "\u0000"]));
    case 4:
      return Buffer.from(rng.pick(["{", '{"email":', "[1,2", "null", '"str"', "{}}", "\u0000\u0000", "💥"]));
    case 5:
      return Buffer.from(multipart(rng, rng.chance(0.7) ? "fuzzboundary" : "other"));
    case 6:
    case 7:
      return Buffer.from(formBody(rng));
    case 8:
      return Buffer.from(
        rng.pick([
          "<?xml version='1.0'?><!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><a>&x;</a>",
          randomString(rng, 2000),
          '{"email":"a@b.co"}\n{"email":\n',
        ]),
      );
    default:
      return Buffer.from(
        contentType?.includes("form") ? formBody(rng) : (JSON.stringify(randomValue(rng)) ?? "undefined"),
      );
  }
}

function fill(rng: Rng, template: string): string {
  return template.replaceAll("{id}", () =>
    rng.pick(["1", "0", "-1", "x".repeat(500), "%00", "%E0%A4%A", "abc123", "%2e%2e", "null", "💥"]),
  );
}

function path(rng: Rng, { slug }: FuzzContext): string {
  const tenant = rng.chance(0.8) ? slug : rng.pick(BAD_SLUGS);
  let path: string;
  switch (rng.int(6)) {
    case 0:
      path = `/t/${tenant}/api/auth/${rng.pick(AUTH_ENDPOINTS)}`;
      break;
    case 5:
      path = `/t/${tenant}/api/scim/v2/${fill(rng, rng.pick(SCIM_PATHS))}`;
      break;
    case 1:
      path = `/api/v1/${fill(rng, rng.pick(API_PATHS))}`;
      break;
    case 2:
      path = `/t/${tenant}/${fill(rng, rng.pick(HOSTED_PAGES))}`;
      break;
    case 3:
      path = `/admin/${tenant}/${fill(rng, rng.pick(CONSOLE_PAGES))}`;
      break;
    default:
      path = fill(rng, rng.pick(PLATFORM_PAGES));
  }
  if (rng.chance(0.1)) path += `/${rng.pick(BAD_SEGMENTS)}`;
  if (rng.chance(0.1)) path = path.replace(/\/?$/, ".data");
  if (rng.chance(0.1)) path += rng.pick(["?index", "?_data=root", "?redirectTo=%E0%A4%A", "?x=" + "y".repeat(3000)]);
  // Node refuses to send raw spaces or control characters in a path; percent-encode them.
  return path.replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char));
}

function cookie(rng: Rng, context: FuzzContext): string | undefined {
  switch (rng.int(6)) {
    case 0:
    case 1:
      return context.consoleCookie;
    case 2:
      return undefined;
    case 3:
      return `${context.consoleCookie}; better-auth.session_token=${rng.pick(["%E0%A4%A", "x".repeat(4000), "a.b.c", ""])}`;
    case 4:
      return rng.pick(["=", ";;;", "a=%", "portico-toast=garbage", `__Secure-x=${"z".repeat(6000)}`, "a=\u00ff"]);
    default:
      return `${rng.pick(["portico", "__Host-x", "better-auth.session_token", "portico_demo.session_token"])}=${encodeURIComponent(randomString(rng))}`;
  }
}

const NO_CONTENT_TYPE = "(none)";

/** What a gateway (or someone posing as one) sends to forward auth, broken in every way. */
function gatewayHeaders(rng: Rng, headers: Record<string, string>) {
  if (rng.chance(0.7))
    headers["x-forwarded-uri"] = rng.pick([
      "/",
      "/admin/../x",
      "//evil.example/x",
      "x",
      "/%E0%A4%A",
      "/a?b=%",
      `/${"a".repeat(9000)}`,
    ]);
  if (rng.chance(0.5))
    headers["x-forwarded-host"] = rng.pick([
      "app.example.com",
      "evil.example",
      "",
      "a:b:c",
      "[::1]:80",
      "x".repeat(300),
    ]);
  if (rng.chance(0.3)) headers["x-forwarded-method"] = rng.pick(["GET", "get", "PROPFIND", "", "G E T"]);
  if (rng.chance(0.3)) headers["x-forwarded-proto"] = rng.pick(["https", "http", "ftp", ""]);
  if (rng.chance(0.2))
    headers["x-original-url"] = rng.pick(["https://app.example.com/", "::", "javascript:alert(1)", "http://[::1"]);
  if (rng.chance(0.2))
    headers.authorization = rng.pick(["Bearer a.b.c", "Bearer eyJhbGciOiJub25lIn0.e30.", `Bearer ${"x".repeat(5000)}`]);
}

/** One malformed (or, sometimes, well-formed but hostile) request. */
export function fuzzRequest(rng: Rng, context: FuzzContext): FuzzRequest {
  const method = rng.pick(METHODS);
  const requestPath = path(rng, context);
  const headers: Record<string, string> = {
    // Trusted from loopback (PORTICO_TRUST_PROXY=loopback): spreads per-IP rate limits.
    "x-forwarded-for": `10.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`,
  };
  const contentType = rng.pick([...CONTENT_TYPES, NO_CONTENT_TYPE]);
  if (contentType !== NO_CONTENT_TYPE) headers["content-type"] = contentType.replace("\u0000", "");
  // Signing the console session out would leave the rest of the run unauthenticated.
  const cookieHeader = requestPath.startsWith("/sign-out") ? undefined : cookie(rng, context);
  if (cookieHeader) headers.cookie = cookieHeader.replace(/[^\x20-\x7e]/g, "");
  if (rng.chance(0.7))
    headers.origin = rng.pick([context.origin, context.origin, "https://evil.example", "null", "::"]);
  if (requestPath.includes("/api/scim/")) {
    headers.authorization = rng.pick([
      `Bearer ${context.scimToken}`,
      `Bearer ${context.scimToken}`,
      `Bearer ${context.scimToken}`,
      `Bearer ${context.apiKey}`,
      "Bearer scim_nope",
      "Bearer",
      "",
    ]);
  } else if (requestPath.startsWith("/api/v1/") || rng.chance(0.1)) {
    headers.authorization = rng.pick([
      `Bearer ${context.apiKey}`,
      `Bearer ${context.apiKey}`,
      `Bearer ${context.apiKey}`,
      "Bearer pk_live_nope",
      "Basic Zm9vOmJhcg==",
      "Bearer",
      "",
    ]);
  }
  if (rng.chance(0.1)) headers["idempotency-key"] = rng.pick(["", "k".repeat(500), "ok-key", "%00"]);
  if (rng.chance(0.1)) headers["accept-language"] = rng.pick(["*", "zz-ZZ;q=x", "de;q=0.9,en;q=", ",,,"]);
  if (rng.chance(0.1)) headers.accept = rng.pick(["*/*", "text/html", "application/json", "text/x-script", "???"]);
  if (rng.chance(0.05)) headers["x-forwarded-host"] = rng.pick(["evil.example", "", "a:b:c", "x".repeat(300)]);
  if (rng.chance(0.05)) headers["x-portico-host-tenant"] = "demo";
  if (requestPath.includes("/forward-auth")) gatewayHeaders(rng, headers);
  if (rng.chance(0.05)) headers.range = "bytes=0-10";
  if (rng.chance(0.05)) headers["content-encoding"] = rng.pick(["gzip", "br", "identity", "nonsense"]);
  const withBody = method !== "GET" && method !== "HEAD" ? body(rng, headers["content-type"]) : undefined;
  return { method, path: requestPath, headers, body: withBody, chunked: withBody !== undefined && rng.chance(0.25) };
}
