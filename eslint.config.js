// @ts-check
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Syntax-only rules (no type information) so `npm run lint` stays fast; `npm run typecheck`
// covers what type-aware rules would.
export default defineConfig(
  globalIgnores([
    "build/",
    "dist/",
    ".cache/",
    "app/generated/",
    "public/",
    "node_modules/",
    "test-results/",
    "playwright-report/",
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Route modules and components run on both the server (SSR) and in the browser.
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      // Vitest sets process.env.BASE_URL to "/" (see TOOLCHAIN.md), so it can never mean the app's URL.
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "MemberExpression[object.object.name='process'][object.property.name='env'][property.name='BASE_URL']",
          message: "Vitest overwrites BASE_URL; use PUBLIC_URL (app) or the Playwright baseURL (e2e).",
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ...reactHooks.configs["recommended-latest"],
  },
  {
    // Playwright fixtures must destructure their first parameter, even when they use no fixture.
    files: ["tests/e2e/**/*.ts"],
    rules: { "no-empty-pattern": ["error", { allowObjectPatternsAsParameters: true }] },
  },
);
