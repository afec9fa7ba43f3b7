import type { z } from "zod";

/** One problem with the input, with the path of the field it concerns (`users.3.email`). */
export type ApiErrorDetail = { field: string; message: string };

/**
 * A management API failure: the status, a stable machine-readable code and a message for
 * people. Capability code throws these; the request pipeline turns them into
 * `{ "error": { "code", "message", "details" } }`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ApiErrorDetail[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, "not_found", `This tenant has no such ${what}.`);

export const conflict = (code: string, message: string, field?: string) =>
  new ApiError(409, code, message, field ? [{ field, message }] : undefined);

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/** A refused input, every issue listed with its field; the message names the first. */
export function validationError(error: z.ZodError, status = 422, where?: string): ApiError {
  const field = (path: readonly PropertyKey[]) => [where, fieldPath(path)].filter(Boolean).join(".");
  const details = error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ field: field([...issue.path, key]), message: "This field is not accepted here." }))
      : [{ field: field(issue.path), message: issue.message }],
  );
  const first = details[0]!;
  const message = first.field ? `${first.field}: ${first.message}` : first.message;
  return new ApiError(status, status === 400 ? "invalid_request" : "validation_failed", message, details);
}

export function errorResponse(error: ApiError, headers?: HeadersInit): Response {
  const body = {
    error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
  };
  return Response.json(body, { status: error.status, headers });
}
