import { join } from "node:path";
import { ScenarioSchema } from "@codex-policy/spec";
import { describe, expect, it } from "vitest";
import { runWithCodex } from "../src/index.js";
import { namespaceProblem, namespacesMissing } from "./needs-namespaces.js";

// Releases before 0.87 leave the app-server silent when their configuration fails to load; the
// driver then asks `features list`, even when no test asked for features. A stand-in shows it.
const STAND_IN = join(import.meta.dirname, "fixtures", "hung-on-config-error-codex.sh");
const problem = namespaceProblem();

describe("an app-server that never answers after a load failure", () => {
  if (problem !== null) {
    namespacesMissing(problem);
    return;
  }

  it("is a refusal whose text comes from features list", async () => {
    const scenario = ScenarioSchema.parse({ user: { config: 'approval_policy = "never"\n' } });
    const run = await runWithCodex(scenario, {
      codexBin: STAND_IN,
      channels: ["session"],
      timeoutMs: 240_000,
      stepTimeoutMs: 2_000,
    });
    if (run.kind !== "outcome") throw new Error(`unsupported: ${run.reason}`);
    expect(run.outcome.status).toBe("refused");
    expect(run.outcome.warnings).toEqual([]);
    expect(run.outcome.errors[0]).toMatchObject({
      code: "requirement-disallowed",
      layer: "system.requirements",
    });
  });

  it("with a configuration that loads, the stand-in answers and no refusal is made up", async () => {
    const err = await runWithCodex(ScenarioSchema.parse({}), {
      codexBin: STAND_IN,
      channels: ["session"],
      timeoutMs: 240_000,
      stepTimeoutMs: 2_000,
    }).catch((e: unknown) => e);
    // the stand-in answers initialize only; thread/start then never answers
    expect(err).toMatchObject({ code: "probe-timeout" });
  });
});
