import { describe, expect, it } from "vitest";
import { oncePerRequest, withRequestScope } from "./request-scope.server";

describe("per-request memo", () => {
  it("computes a key once within a page view, again in the next one, and every time outside one", async () => {
    let lookups = 0;
    const lookup = () => oncePerRequest("platform-user:cookie-a", async () => ++lookups);

    const firstView = await withRequestScope(() => Promise.all([lookup(), lookup(), lookup()]));
    expect(firstView).toEqual([1, 1, 1]);
    expect(await withRequestScope(() => lookup())).toBe(2);
    // Writes run without a scope: nothing read earlier is reused after a change.
    expect(await lookup()).toBe(3);
    expect(await lookup()).toBe(4);
  });

  it("keeps different keys (another session cookie, another tenant) apart", async () => {
    const answers = await withRequestScope(() =>
      Promise.all([
        oncePerRequest("tenant-membership:acme:u1", async () => "acme"),
        oncePerRequest("tenant-membership:globex:u1", async () => "globex"),
      ]),
    );
    expect(answers).toEqual(["acme", "globex"]);
  });
});
