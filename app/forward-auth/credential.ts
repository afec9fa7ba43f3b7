/** How a request to the forward-auth endpoint proved who it is (credentials.server.ts). */
export type Credential = "jwt" | "session" | "none";
