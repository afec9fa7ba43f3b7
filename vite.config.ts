import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { porticoDocs } from "./app/docs/vite-plugin";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  plugins: [
    tailwindcss(),
    // docs/*.md compiled into the build: the /docs pages and their search index.
    porticoDocs(fileURLToPath(new URL(".", import.meta.url))),
    remix({
      // Tests build into their own folder so a running test server never serves a half-rebuilt app.
      buildDirectory: process.env.PORTICO_BUILD_DIR ?? "build",
      ignoredRouteFiles: ["**/*.test.*", "**/*.server.*", "**/__*.*"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  // better-sqlite3 and pg are native/Node-only: keep them out of the SSR bundle.
  ssr: { external: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"] },
});
