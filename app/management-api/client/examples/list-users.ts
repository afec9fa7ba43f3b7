/**
 * Prints every user whose email, name or username contains the search term.
 *   PORTICO_URL=https://auth.example.com PORTICO_API_KEY=pk_live_… npx tsx examples/list-users.ts ada
 */
import { PorticoClient } from "../src/index.js";

const portico = new PorticoClient({ baseUrl: process.env.PORTICO_URL!, apiKey: process.env.PORTICO_API_KEY! });

for await (const user of portico.users.iterate({ q: process.argv[2], limit: 100 })) {
  console.log(`${user.id}\t${user.email}\t${user.name}${user.banned ? "\t(banned)" : ""}`);
}
