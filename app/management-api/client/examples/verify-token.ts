/**
 * A service that cannot verify Portico tokens itself asks Portico whose token it holds.
 *   PORTICO_URL=… PORTICO_API_KEY=pk_live_… npx tsx examples/verify-token.ts <session token or JWT>
 */
import { PorticoApiError, PorticoClient } from "../src/index.js";

const portico = new PorticoClient({ baseUrl: process.env.PORTICO_URL!, apiKey: process.env.PORTICO_API_KEY! });

try {
  const result = await portico.tokens.verify(process.argv[2]!);
  console.log(result.active ? `Valid ${result.type} of ${result.user.email}` : "Not a valid token.");
} catch (error) {
  // e.g. 403 insufficient_scope: the key needs users:read.
  if (error instanceof PorticoApiError) console.error(`${error.status} ${error.code}: ${error.message}`);
  else throw error;
}
