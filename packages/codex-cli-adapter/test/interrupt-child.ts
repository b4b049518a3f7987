// Run by cleanup.test.ts: several scenarios at once through a codex stand-in that hangs, until the
// test interrupts this process.
import { ScenarioSchema } from "@codex-policy/spec";
import { runWithCodex } from "../src/index.js";

const scenario = ScenarioSchema.parse({});
await Promise.allSettled(
  Array.from({ length: 3 }, () =>
    runWithCodex(scenario, { codexBin: process.argv[2], channels: ["requirements"], timeoutMs: 600_000 }),
  ),
);
