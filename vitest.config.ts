import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/test/**/*.test.ts",
      "apps/*/test/**/*.test.{ts,tsx}",
      "conformance/test/**/*.test.ts",
    ],
    // Safety nets for a hung test, not speed checks: a loaded 2-core machine runs some tests 10x
    // slower than an idle one (speed is measured by `pnpm bench`).
    testTimeout: 300_000,
    hookTimeout: 900_000,
    pool: "forks",
    // One more worker than cores: many tests wait on child processes (the CLI, the real binary).
    maxWorkers: Math.max(2, availableParallelism() + 1),
  },
});
