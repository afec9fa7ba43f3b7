/**
 * The instance's lifecycle as the health checks see it. server.ts flips it to "draining" on
 * SIGTERM through the entry module (the Remix build has its own copy of app modules, so
 * server.ts cannot import this file directly).
 */
let draining = false;

export function isDraining(): boolean {
  return draining;
}

export function startDraining(): void {
  draining = true;
}

/** Only for tests that drain and then reuse the same process. */
export function resetDrainingForTests(): void {
  draining = false;
}

export const DEFAULT_SHUTDOWN_TIMEOUT_S = 25;

/**
 * PORTICO_SHUTDOWN_TIMEOUT in milliseconds: whole seconds, 1–3600, default 25 (under
 * Kubernetes' default 30 s grace period, so Portico finishes before it is SIGKILLed).
 */
export function parseShutdownTimeout(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_SHUTDOWN_TIMEOUT_S * 1000;
  const seconds = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || seconds < 1 || seconds > 3600) {
    throw new Error(
      `Invalid environment variable PORTICO_SHUTDOWN_TIMEOUT: whole seconds from 1 to 3600, got "${value}".`,
    );
  }
  return seconds * 1000;
}
