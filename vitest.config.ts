import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/test/**/*.test.ts",
      "apps/*/test/**/*.test.{ts,tsx}",
      "conformance/test/**/*.test.ts",
    ],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
