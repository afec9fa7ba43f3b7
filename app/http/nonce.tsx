import { createContext, useContext, type ReactNode } from "react";

/**
 * The per-request CSP nonce (app/http/csp.server.ts). entry.server.tsx provides it while
 * rendering; any component that renders an inline <script> passes `nonce={useNonce()}`.
 * In the browser it is "" (browsers hide nonces from the DOM, and scripts React adds after
 * hydration are not parser-inserted, so they need none).
 */
const NonceContext = createContext("");

export function NonceProvider({ nonce, children }: { nonce: string; children: ReactNode }) {
  return <NonceContext.Provider value={nonce}>{children}</NonceContext.Provider>;
}

export function useNonce(): string {
  return useContext(NonceContext);
}
