import { describe, expect, it } from "vitest";
import { EventPayloadError, webhookMessageFor } from "./catalog";

const admin = { type: "platform_user", label: "ada@example.com" };

describe("the event catalog", () => {
  it("turns an admin's ban into user.banned naming the user and who banned them", () => {
    const message = webhookMessageFor(
      {
        type: "admin.user.banned",
        actor: admin,
        target: { type: "user", id: "u1", label: "bob@example.com" },
        data: { reason: "spam", expiresAt: null },
      },
      { strict: true },
    );
    expect(message).toEqual({
      type: "user.banned",
      data: { userId: "u1", email: "bob@example.com", reason: "spam", expiresAt: null, actor: "ada@example.com" },
    });
  });

  it("gives a user's own sign-up as user.created without an actor field", () => {
    const message = webhookMessageFor(
      {
        type: "user.created",
        actor: { type: "user", label: "c@example.com" },
        target: { type: "user", id: "u2", label: "c@example.com" },
      },
      { strict: true },
    );
    expect(message).toEqual({ type: "user.created", data: { userId: "u2", email: "c@example.com" } });
  });

  it("keeps audit-only events (failed sign-ins, impersonation) away from receivers", () => {
    for (const type of ["sign_in.failed", "admin.user.impersonated", "admin.user.created"]) {
      expect(webhookMessageFor({ type, actor: admin }, { strict: true })).toBeNull();
    }
  });

  it("refuses, outside production, data that does not match the event's schema, naming the event and field", () => {
    const wrong = {
      type: "admin.user.banned",
      actor: admin,
      target: { type: "user", id: "u1" },
      data: { reason: 42 },
    };
    expect(() => webhookMessageFor(wrong, { strict: true })).toThrow(EventPayloadError);
    expect(() => webhookMessageFor(wrong, { strict: true })).toThrow(/user\.banned.*reason/s);
    // In production the message still goes out: a missing webhook is worse than an odd field.
    const sent = webhookMessageFor(wrong, { strict: false });
    expect(sent?.type).toBe("user.banned");
    expect(sent?.mismatch).toMatch(/reason/);
  });
});
