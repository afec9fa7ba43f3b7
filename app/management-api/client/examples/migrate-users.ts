/**
 * Imports users exported from another system, keeping their bcrypt/argon2/scrypt password
 * hashes, and prints the rows Portico refused with the reason.
 *   PORTICO_URL=… PORTICO_API_KEY=pk_live_… npx tsx examples/migrate-users.ts users.json
 * users.json: [{ "email": "…", "name": "…", "passwordHash": "$2b$10$…", "externalId": "…" }, …]
 */
import { readFileSync } from "node:fs";
import { PorticoClient, type ImportUser } from "../src/index.js";

const portico = new PorticoClient({ baseUrl: process.env.PORTICO_URL!, apiKey: process.env.PORTICO_API_KEY! });
const rows = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as ImportUser[];

for (let start = 0; start < rows.length; start += 10_000) {
  const batch = rows.slice(start, start + 10_000);
  // The same key for a retried batch: a timeout never imports it twice.
  const report = await portico.users.import(batch, { idempotencyKey: `migration-${start}` });
  console.log(`Rows ${start}–${start + batch.length - 1}: ${report.imported.length} imported`);
  for (const refused of report.refused) {
    console.log(
      `  row ${start + refused.index} (${refused.email ?? "?"}): ${refused.code} ${refused.field ?? ""} ${refused.message}`,
    );
  }
}
