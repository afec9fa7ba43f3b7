/**
 * SCIM's error answers (RFC 7644 §3.12): `{ schemas: [Error], status, scimType?, detail }`,
 * sent as application/scim+json. Capability code throws ScimError; the handler answers it.
 */
const SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
const SCIM_CONTENT_TYPE = "application/scim+json";

export type ScimType =
  | "invalidFilter"
  | "invalidValue"
  | "invalidPath"
  | "invalidSyntax"
  | "noTarget"
  | "mutability"
  | "uniqueness"
  | "tooMany";

export class ScimError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly scimType?: ScimType,
  ) {
    super(message);
  }
}

export const invalidValue = (detail: string) => new ScimError(400, detail, "invalidValue");
export const notFound = (what: "User" | "Group", id: string) =>
  new ScimError(404, `There is no ${what} with id "${id.slice(0, 100)}" in this organization.`);

export function scimResponse(body: unknown, status = 200, headers?: HeadersInit): Response {
  const response = status === 204 ? new Response(null, { status }) : Response.json(body, { status });
  if (status !== 204) response.headers.set("Content-Type", `${SCIM_CONTENT_TYPE}; charset=utf-8`);
  for (const [name, value] of new Headers(headers)) response.headers.set(name, value);
  return response;
}

export function scimErrorResponse(error: ScimError, headers?: HeadersInit): Response {
  const body = {
    schemas: [SCIM_ERROR_SCHEMA],
    status: String(error.status),
    ...(error.scimType ? { scimType: error.scimType } : {}),
    detail: error.message,
  };
  return scimResponse(body, error.status, headers);
}
