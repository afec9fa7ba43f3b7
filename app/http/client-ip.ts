/**
 * The request header server.ts sets to the client's address (taken from trusted proxies only,
 * and overwriting whatever a client sent), read by better-auth's rate limits and the audit log.
 */
export const CLIENT_IP_HEADER = "x-portico-client-ip";
