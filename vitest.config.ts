import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // graphql 16 has no exports map: without this, vite loads index.mjs while CommonJS dependencies load index.js.
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
    // Workspace packages resolve to their TypeScript sources in tests, so no build is needed for unit and int tiers.
    conditions: ["source", "node", "development|production"],
  },
  ssr: { resolve: { conditions: ["source", "node", "development|production"] } },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "subgraphs/*/src/**/*.test.ts",
      "gateway/src/**/*.test.ts",
      "registry/src/**/*.test.ts",
      "tests/**/*.test.ts",
      "scripts/**/*.test.ts",
      "portal-ui/scripts/**/*.test.ts",
      "portal-ui/server/**/*.test.ts",
    ],
    setupFiles: ["./vitest.setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
