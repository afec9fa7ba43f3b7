import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Work shared by the loaders of one page view. A console page runs a loader per layout (the
 * console frame, the tenant, the page), and each asks who is signed in and what their role in
 * the tenant is: without this, every view looked up the same platform session three times and
 * the same tenant and membership twice. server.ts runs each GET or HEAD in a scope of its own;
 * writes (form posts, API calls) get none, so nothing read before an action's change is reused
 * after it. One store per process: server.ts and the Remix build each load this module.
 */
const SCOPE_KEY = Symbol.for("portico.requestScope");
const processGlobals = globalThis as { [SCOPE_KEY]?: AsyncLocalStorage<Map<string, Promise<unknown>>> };
const scope = (processGlobals[SCOPE_KEY] ??= new AsyncLocalStorage());

/** Runs `handle` (a GET or HEAD) with a fresh per-request memo. */
export function withRequestScope<T>(handle: () => T): T {
  return scope.run(new Map(), handle);
}

/** `compute()` once per request scope and key; outside a scope, every time. */
export function oncePerRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const memo = scope.getStore();
  if (!memo) return compute();
  let shared = memo.get(key) as Promise<T> | undefined;
  if (!shared) memo.set(key, (shared = compute()));
  return shared;
}
