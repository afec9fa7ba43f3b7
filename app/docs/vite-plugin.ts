import { existsSync } from "node:fs";
import path from "node:path";
import type { Plugin, ViteDevServer } from "vite";
import { compileDocs } from "./compile";
import { ROUTED_DOCS } from "./nav";

/** The compiled pages, sidebar and search index (server only: docs.server.ts imports it). */
export const DOCS_PAGES_MODULE = "virtual:portico-docs/pages";
/** The search index, loaded by the browser when someone searches. */
export const DOCS_SEARCH_MODULE = "virtual:portico-docs/search";

const RESOLVED = { [DOCS_PAGES_MODULE]: `\0${DOCS_PAGES_MODULE}`, [DOCS_SEARCH_MODULE]: `\0${DOCS_SEARCH_MODULE}` };

/**
 * Compiles docs/*.md into the build (pages for the server, a search index for the browser),
 * so the production build serves the docs without reading the repository at run time. In
 * development, editing a doc reloads it.
 */
export function porticoDocs(root: string): Plugin {
  const docsDir = path.join(root, "docs");
  const routed = () =>
    new Set(ROUTED_DOCS.filter((slug) => existsSync(path.join(root, "app", "routes", `docs.${slug}.tsx`))));
  let server: ViteDevServer | undefined;
  return {
    name: "portico-docs",
    configureServer(dev) {
      server = dev;
      dev.watcher.add(docsDir);
    },
    resolveId(id) {
      return id in RESOLVED ? RESOLVED[id as keyof typeof RESOLVED] : null;
    },
    load(id) {
      if (id === RESOLVED[DOCS_PAGES_MODULE]) {
        return `export default ${JSON.stringify(compileDocs(docsDir, routed()))};`;
      }
      if (id === RESOLVED[DOCS_SEARCH_MODULE]) {
        return `export default ${JSON.stringify(compileDocs(docsDir, routed()).search)};`;
      }
      return null;
    },
    handleHotUpdate({ file }) {
      if (!file.startsWith(docsDir) || !server) return;
      for (const id of Object.values(RESOLVED)) {
        const module = server.moduleGraph.getModuleById(id);
        if (module) server.moduleGraph.invalidateModule(module);
      }
    },
  };
}
