import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ScenarioSchema } from "@codex-policy/spec";
import { describe, expect, it } from "vitest";
import { runWithCodex } from "../src/index.js";
import { namespaceProblem, namespacesMissing } from "./needs-namespaces.js";

const STAND_IN = join(import.meta.dirname, "fixtures", "resolver-codex.sh");
const problem = namespaceProblem();

describe("names inside the run's namespace", () => {
  if (problem !== null) {
    namespacesMissing(problem);
    return;
  }

  it("resolve against loopback, and the host's resolver file is left as it was", async () => {
    const before = readFileSync("/etc/resolv.conf", "utf8");
    const run = await runWithCodex(ScenarioSchema.parse({}), {
      codexBin: STAND_IN,
      channels: ["session"],
      timeoutMs: 240_000,
      stepTimeoutMs: 2_000,
    });
    if (run.kind !== "outcome") throw new Error(`unsupported: ${run.reason}`);
    expect(run.outcome.errors[0]?.message).toBe(
      "resolver: nameserver 127.0.0.1;options timeout:1 attempts:1;",
    );
    expect(readFileSync("/etc/resolv.conf", "utf8")).toBe(before);
  });
});
