import { compileErrors, validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPES } from "~/webhooks/event-types";
import { startHarness, type Harness } from "./management-api-harness";

/**
 * The OpenAPI document served at /api/v1/openapi.json: a valid OpenAPI 3.1 document that
 * lists every operation the API routes, with the same strictness the handlers apply, and
 * the webhook event catalog.
 */
let h: Harness;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the document is checked by assertions
let document: any;

beforeAll(async () => {
  h = await startHarness("management-openapi");
  const response = await fetch(`${h.baseUrl}/api/v1/openapi.json`);
  expect(response.status).toBe(200);
  document = await response.json();
}, 120_000);
afterAll(async () => h?.close());

describe("OpenAPI document", () => {
  it("validates as OpenAPI 3.1", async () => {
    const result = await validate(structuredClone(document));
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: `${h.baseUrl}/api/v1` }]);
  });

  it("describes every operation the API serves, with its scope and error shape", async () => {
    const { OPERATIONS } = await import("~/management-api/operations.server");
    for (const operation of OPERATIONS) {
      const described = document.paths[operation.path]?.[operation.method.toLowerCase()];
      expect(described, `${operation.method} ${operation.path}`).toBeDefined();
      expect(described["x-portico-scope"]).toBe(operation.scope);
      expect(described.responses["401"].content["application/json"].schema.$ref).toBe(
        "#/components/schemas/ErrorResponse",
      );
      expect(described.responses["429"].headers["Retry-After"]).toBeDefined();
    }
    const createUser = document.paths["/users"].post;
    expect(createUser.parameters.map((p: { name: string }) => p.name)).toContain("Idempotency-Key");
    const body = document.components.schemas.CreateUser;
    expect(body.additionalProperties).toBe(false);
    expect(body.required).toEqual(["email", "name"]);
    expect(Object.keys(body.properties)).toEqual(
      expect.arrayContaining([
        "email",
        "name",
        "password",
        "externalId",
        "publicMetadata",
        "privateMetadata",
        "emailVerified",
      ]),
    );
    expect(document.paths["/users"].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      "q",
      "banned",
      "emailVerified",
      "twoFactorEnabled",
      "signedInSince",
      "limit",
      "cursor",
    ]);
    expect(document.paths["/users/{userId}"].get.parameters[0]).toMatchObject({
      name: "userId",
      in: "path",
      required: true,
    });
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("publishes each webhook event with its payload schema", () => {
    for (const type of [...WEBHOOK_EVENT_TYPES, "webhook.test"]) {
      const schema = document.webhooks[type]?.post.requestBody.content["application/json"].schema;
      expect(schema, type).toBeDefined();
      expect(schema.properties.type).toEqual({ const: type });
      expect(schema.properties.data.type).toBe("object");
    }
    expect(
      document.webhooks["user.banned"].post.requestBody.content["application/json"].schema.properties.data.properties,
    ).toHaveProperty("reason");
  });

  it("renders the /docs/api reference from it: every operation, its scope and every event", async () => {
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { createElement } = await import("react");
    const { ApiReference } = await import("~/management-api/api-reference");
    const html = renderToStaticMarkup(createElement(ApiReference, { document }));
    for (const methods of Object.values(document.paths) as Record<string, { operationId: string; summary: string }>[]) {
      for (const operation of Object.values(methods)) {
        expect(html).toContain(`id="${operation.operationId}"`);
        expect(html).toContain(operation.summary.replaceAll("'", "&#x27;"));
      }
    }
    expect(html).toContain("Requires the <code");
    expect(html).toContain("users:write");
    for (const type of WEBHOOK_EVENT_TYPES) expect(html).toContain(`>${type}</h3>`);
    // Request bodies list their fields (from the components) and say that others are refused.
    const createUser = html.slice(html.indexOf('id="createUser"'), html.indexOf('id="getUser"'));
    for (const field of ["email", "name", "password", "externalId", "publicMetadata"]) {
      expect(createUser).toContain(`<code class="font-mono font-semibold">${field}</code>`);
    }
    expect(createUser).toContain("Other fields are refused (422).");
  });

  it("is public and needs no key", async () => {
    const response = await fetch(`${h.baseUrl}/api/v1/openapi.json`);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});
