/**
 * Error responses in one shape: `{ "error": { "code", "message", "details"? } }` for APIs,
 * plain text data for pages (rendered by the error boundaries).
 */
export function jsonError(status: number, code: string, message: string, details?: unknown): Response {
  return Response.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status });
}

/** API callers get JSON errors; browsers navigating to pages get an error page. */
export function isApiRequest(request: Request): boolean {
  const { pathname } = new URL(request.url);
  return pathname.includes("/api/") || pathname.endsWith(".json");
}
