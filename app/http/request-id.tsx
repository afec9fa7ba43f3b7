import { createContext, useContext, useEffect, useState, type ReactNode } from "react";

/**
 * The request's id (X-Request-Id, set by server.ts), for error pages: a person can quote it
 * and the operator finds the matching log line. The server renders it into
 * <meta name="portico-request-id"> (RequestIdMeta); the browser reads that once before
 * hydrating, so an error page rendered by the server keeps its id, and errors met later on
 * client-side navigations (other requests) show none rather than a wrong one.
 */
const RequestIdContext = createContext("");
const META_NAME = "portico-request-id";

let documentRequestId =
  typeof document === "undefined"
    ? ""
    : (document.querySelector<HTMLMetaElement>(`meta[name="${META_NAME}"]`)?.content ?? "");

export function RequestIdProvider({ requestId, children }: { requestId: string; children: ReactNode }) {
  return <RequestIdContext.Provider value={requestId}>{children}</RequestIdContext.Provider>;
}

export function useRequestId(): string {
  const serverId = useContext(RequestIdContext);
  const [id] = useState(() => serverId || documentRequestId);
  useEffect(() => {
    documentRequestId = "";
  }, []);
  return id;
}

export function RequestIdMeta() {
  const id = useRequestId();
  return id ? <meta name={META_NAME} content={id} /> : null;
}
