import { existsSync, readFileSync } from "node:fs";
import { findLeaks } from "../support/log-leaks";

/**
 * After the whole e2e run: the shared server's log (playwright.config.ts tees it to
 * PORTICO_E2E_LOG) must hold none of the passwords the tests typed, no token of any kind and
 * no full email address at info level or above (docs/self-hosting.md, "Logs").
 */
export default function checkServerLog() {
  const file = process.env.PORTICO_E2E_LOG;
  if (!file || !existsSync(file))
    throw new Error(`The e2e server's log is missing (${file ?? "PORTICO_E2E_LOG unset"}).`);
  const leaks = findLeaks(readFileSync(file, "utf8"), ["correct-horse-battery", "another-horse-battery"]);
  if (leaks.length > 0) {
    throw new Error(`The server log holds secrets or personal data:\n${leaks.slice(0, 20).join("\n")}`);
  }
}
