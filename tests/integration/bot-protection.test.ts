import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isBreachedPassword, passwordRefusal, passwordStrength } from "~/auth-methods/policies.server";
import { CLIENT_IP_HEADER } from "~/http/client-ip";
import { checkBotProof, issueChallenge, issueServerPass } from "~/bot-protection/altcha.server";
import type { Provider } from "~/db/paths.server";
import { TenantConfigSchema } from "~/tenancy/config";
import type { TenantRegistry } from "~/tenancy/registry.server";
import { TenantService } from "~/tenancy/tenants.server";
import { testRegistry } from "../support/registry";
import { createTestStorage, resetTestStorage, testProviders, type TestStorage } from "../support/storage";

const PUBLIC_URL = "http://localhost:3997";
const SECRET = "bot-protection-test-deployment-secret".padEnd(48, "z");

async function solve(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
}

describe("ALTCHA challenges", () => {
  it("accepts a solution once, and refuses replays, other tenants' and tampered ones", async () => {
    const proof = await solve(await issueChallenge("tenant-a-secret", 1_000));
    expect(await checkBotProof("tenant-b-secret", proof)).toMatchObject({ code: "BOT_CHECK_INVALID" });
    expect(await checkBotProof("tenant-a-secret", proof)).toBeNull();
    expect(await checkBotProof("tenant-a-secret", proof)).toMatchObject({ code: "BOT_CHECK_REPLAYED", status: 403 });
    expect(await checkBotProof("tenant-a-secret", null)).toMatchObject({ code: "BOT_CHECK_MISSING", status: 400 });
    expect(await checkBotProof("tenant-a-secret", "e30=")).toMatchObject({ code: "BOT_CHECK_INVALID" });
  });

  it("refuses an expired challenge", async () => {
    const challenge = await issueChallenge("tenant-a-secret", 100);
    const proof = JSON.parse(Buffer.from(await solve(challenge), "base64").toString("utf8")) as {
      challenge: Challenge;
    };
    // Re-dating the challenge breaks its signature; a genuinely expired one is reported as expired.
    proof.challenge.parameters.expiresAt = Math.floor(Date.now() / 1000) - 1;
    expect(await checkBotProof("tenant-a-secret", Buffer.from(JSON.stringify(proof)).toString("base64"))).toMatchObject(
      {
        code: expect.stringMatching(/BOT_CHECK_(EXPIRED|INVALID)/),
      },
    );
  });

  it("takes a server pass once, and only with the tenant's key", async () => {
    const pass = issueServerPass("tenant-a-secret");
    expect(await checkBotProof("tenant-b-secret", pass)).toMatchObject({ code: "BOT_CHECK_INVALID" });
    expect(await checkBotProof("tenant-a-secret", pass)).toBeNull();
    expect(await checkBotProof("tenant-a-secret", pass)).toMatchObject({ code: "BOT_CHECK_REPLAYED" });
    expect(await checkBotProof("tenant-a-secret", `${pass.slice(0, -2)}xx`)).toMatchObject({
      code: "BOT_CHECK_INVALID",
    });
  });
});

describe("the password policy", () => {
  const policy = TenantConfigSchema.parse({}).passwordPolicy;
  let rangeApi: Server;
  let rangeUrl: string;
  const asked: string[] = [];

  beforeAll(async () => {
    const breached = createHash("sha1").update("summer2024!!").digest("hex").toUpperCase();
    rangeApi = createServer((request, response) => {
      asked.push(request.url ?? "");
      const prefix = request.url?.split("/").pop();
      response.end(prefix === breached.slice(0, 5) ? `${breached.slice(5)}:17\r\nABCDEF:0` : "");
    });
    await new Promise<void>((resolve) => rangeApi.listen(0, "127.0.0.1", resolve));
    rangeUrl = `http://127.0.0.1:${(rangeApi.address() as AddressInfo).port}/range/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => rangeApi.close(resolve));
  });

  it("scores guessable passwords low and counts the user's own details against them", async () => {
    expect(await passwordStrength("abcabcabcabc")).toBeLessThan(2);
    expect(await passwordStrength("zebra-violin-42")).toBeGreaterThanOrEqual(3);
    expect(await passwordStrength("ada.lovelace1815", ["ada.lovelace1815@example.com"])).toBeLessThan(
      await passwordStrength("ada.lovelace1815"),
    );
  });

  it("refuses common, weak and (when asked) breached passwords with named codes", async () => {
    expect(await passwordRefusal(policy, "password123")).toMatchObject({ code: "PASSWORD_TOO_COMMON" });
    expect(await passwordRefusal(policy, "abcabcabcabc")).toMatchObject({ code: "PASSWORD_TOO_WEAK" });
    expect(await passwordRefusal({ ...policy, minStrength: 0 }, "abcabcabcabc")).toBeNull();
    expect(await passwordRefusal(policy, "correct-horse-battery")).toBeNull();
  });

  it("asks the range API with only the hash prefix (k-anonymity)", async () => {
    expect(await isBreachedPassword("summer2024!!", rangeUrl)).toBe(true);
    expect(await isBreachedPassword("correct-horse-battery", rangeUrl)).toBe(false);
    for (const url of asked) expect(url).toMatch(/^\/range\/[0-9A-F]{5}$/);
    // Unreachable: not checked (null), so an outage does not stop every sign-up.
    expect(await isBreachedPassword("summer2024!!", "http://127.0.0.1:1/range/")).toBeNull();
  });
});

describe.each(testProviders())("bot protection on a live tenant (%s)", (provider: Provider) => {
  let test: TestStorage;
  let tenants: TenantService;
  let registry: TenantRegistry;

  beforeAll(async () => {
    test = await createTestStorage(provider);
    tenants = new TenantService(test.storage, SECRET);
  });
  afterAll(async () => {
    await test.cleanup();
  });
  beforeEach(() => {
    registry = testRegistry(tenants, test.storage, PUBLIC_URL);
  });
  afterEach(async () => {
    await registry.close();
    await resetTestStorage(test);
  });

  async function call(endpoint: string, body?: unknown, headers: Record<string, string> = {}) {
    const live = await registry.resolve({ slug: "acme" });
    if (live.status !== "ok") throw new Error(`tenant not ok: ${live.status}`);
    const response = await live.auth.handler(
      new Request(`${PUBLIC_URL}/t/acme/api/auth${endpoint}`, {
        method: body === undefined ? "GET" : "POST",
        headers: {
          origin: PUBLIC_URL,
          [CLIENT_IP_HEADER]: "10.9.8.7",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    return { status: response.status, json: (await response.json().catch(() => null)) as Record<string, unknown> };
  }

  it("asks for a proof on sign-up and password reset, and takes a solved challenge from its own endpoint", async () => {
    await tenants.create({ slug: "acme", name: "Acme", config: { botProtection: { provider: "altcha" } } });
    const body = { name: "Ada", email: "ada@example.com", password: "correct-horse-battery" };
    expect((await call("/sign-up/email", body)).json).toMatchObject({ code: "BOT_CHECK_MISSING" });
    expect((await call("/request-password-reset", { email: "ada@example.com" })).json).toMatchObject({
      code: "BOT_CHECK_MISSING",
    });
    const { json } = await call("/bot-protection/challenge");
    const created = await call("/sign-up/email", body, {
      "x-portico-altcha": await solve(json.challenge as Challenge),
    });
    expect(created.status, JSON.stringify(created.json)).toBe(200);
  });

  it("turns the password policy's refusal into a 400 naming the rule, also for a weak new password", async () => {
    await tenants.create({ slug: "acme", name: "Acme" });
    const weak = await call("/sign-up/email", { name: "Ada", email: "ada@example.com", password: "abcabcabcabc" });
    expect(weak.status).toBe(400);
    expect(weak.json).toMatchObject({
      code: "PASSWORD_TOO_WEAK",
      message: expect.stringContaining("too easy to guess"),
    });
  });
});
