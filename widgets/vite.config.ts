import path from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { defineConfig, transformWithEsbuild, type Plugin } from "vite";

/**
 * The embeddable widgets: one ES module (`portico.<hash>.js`) plus lazy chunks, built into
 * `<build dir>/widgets` and served by server.ts at /widgets. `portico.js` is a tiny stable
 * entry that re-exports the hashed module, so customers can pin either.
 */
const root = fileURLToPath(new URL(".", import.meta.url));
const outDir = path.resolve(root, "..", process.env.PORTICO_BUILD_DIR ?? "build", "widgets");
/** The budget for the module a page loads before any widget is used (gzip). */
export const INITIAL_BUDGET_BYTES = 15 * 1024;

/**
 * Library mode leaves whitespace in `es` output (TOOLCHAIN.md trap 4): minify each chunk
 * again, then write the stable entry and check the initial module's gzip size.
 */
function minifyAndBudget(): Plugin {
  return {
    name: "portico-widgets-budget",
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk") continue;
        const result = await transformWithEsbuild(chunk.code, chunk.fileName, {
          minify: true,
          target: "es2022",
          format: "esm",
        });
        chunk.code = result.code;
      }
      const entry = Object.values(bundle).find((chunk) => chunk.type === "chunk" && chunk.isEntry);
      if (!entry || entry.type !== "chunk") throw new Error("The widget build produced no entry chunk.");
      // The initial module is the entry plus every chunk it imports statically.
      const initial = new Set<string>();
      const visit = (name: string) => {
        const chunk = bundle[name];
        if (!chunk || chunk.type !== "chunk" || initial.has(name)) return;
        initial.add(name);
        chunk.imports.forEach(visit);
      };
      visit(entry.fileName);
      const gzipBytes = [...initial].reduce((sum, name) => {
        const chunk = bundle[name];
        return sum + (chunk?.type === "chunk" ? gzipSync(chunk.code, { level: 9 }).length : 0);
      }, 0);
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
      const report = `[widgets] initial module ${entry.fileName}: ${kb(gzipBytes)} gzip (budget ${kb(INITIAL_BUDGET_BYTES)})`;
      if (gzipBytes > INITIAL_BUDGET_BYTES) this.error(`${report}: over budget. Move heavy parts behind import().`);
      console.log(report);
      this.emitFile({
        type: "asset",
        fileName: "portico.js",
        source: `export * from "./${entry.fileName}";\n`,
      });
    },
  };
}

/**
 * Collapses the whitespace of the widgets' CSS (Lit's `css` templates and the `/* css *\/`
 * light-DOM sheet), which esbuild leaves alone inside template literals.
 */
function compactCss(): Plugin {
  return {
    name: "portico-widgets-compact-css",
    // Before esbuild strips the `/* css */` marker along with every other comment.
    enforce: "pre",
    transform(code, id) {
      if (!id.includes("/widgets/src/")) return null;
      return code.replace(/(css|\/\* css \*\/ )`([^`]*)`/g, (_, tag: string, body: string) => {
        const compact = body
          .replace(/\s+/g, " ")
          .replace(/\s*([{};,>])\s*/g, "$1")
          .trim();
        return `${tag}\`${compact}\``;
      });
    },
  };
}

export default defineConfig({
  root,
  publicDir: false,
  resolve: { alias: { "~": path.resolve(root, "..", "app") } },
  esbuild: { target: "es2022" },
  logLevel: "warn",
  build: {
    outDir,
    emptyOutDir: true,
    target: "es2022",
    minify: "esbuild",
    reportCompressedSize: false,
    lib: { entry: path.join(root, "src", "index.ts"), formats: ["es"] },
    rollupOptions: {
      output: {
        entryFileNames: "portico.[hash].js",
        chunkFileNames: "portico-[name].[hash].js",
      },
    },
  },
  plugins: [compactCss(), minifyAndBudget()],
});
