import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root, found by walking up from this module. The same code runs from
 * `app/` (tsx, Vite dev) and from the bundled `build/server/`, so a fixed relative path
 * would be wrong in one of them.
 */
function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "prisma", "control"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("Cannot find the Portico project root (no prisma/control folder).");
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot();

export type Plane = "control" | "tenant";
export type Provider = "sqlite" | "postgresql";

export function migrationsDir(plane: Plane, provider: Provider): string {
  return path.join(PROJECT_ROOT, "prisma", plane, "migrations", provider);
}
