import { resolve } from "@codex-policy/engine";
import { type Outcome, ScenarioSchema } from "@codex-policy/spec";
import { describe, expect, it } from "vitest";
import { Differ } from "../src/differential.js";

const scenario = ScenarioSchema.parse({ user: { config: 'sandbox_mode = "workspace-write"' } });
const engine = resolve(scenario, "codex-0.169");
const wrong: Outcome = { ...engine, effective: { ...engine.effective!, sandbox_mode: "danger-full-access" } };

/** A stand-in for the adapter module whose answers come from a list, in turn. */
function fakeAdapter(answers: Outcome[]) {
  let i = 0;
  return {
    channelsFor: () => [],
    runWithCodex: async () => ({
      kind: "outcome",
      outcome: answers[i++ % answers.length]!,
      binaryVersion: "x",
      raw: null,
    }),
  } as unknown as ConstructorParameters<typeof Differ>[0];
}

describe("differential confirmation", () => {
  it("counts a divergence the binary reproduces", async () => {
    const d = new Differ(fakeAdapter([wrong, wrong]), undefined);
    const got = await d.diff(scenario);
    expect(got?.map((x) => x.path)).toEqual(["effective.sandbox_mode"]);
    expect(d.flaky).toEqual([]);
    expect(d.binaryRuns).toBe(2);
  });
  it("reports, but does not count, one the binary does not reproduce", async () => {
    const d = new Differ(fakeAdapter([wrong, engine]), undefined);
    expect(await d.diff(scenario)).toEqual([]);
    expect(d.flaky).toHaveLength(1);
    expect(d.flaky[0]?.divergences[0]?.path).toBe("effective.sandbox_mode");
  });
  it("runs the binary once when it agrees with the engine", async () => {
    const d = new Differ(fakeAdapter([engine]), undefined);
    expect(await d.diff(scenario)).toEqual([]);
    expect(d.binaryRuns).toBe(1);
  });
});

describe("warnings comparison (--warnings)", () => {
  const otherWarnings: Outcome = { ...engine, warnings: [{ code: "x", message: "something else" }] };

  it("is off by default: only decision fields count", async () => {
    const d = new Differ(fakeAdapter([otherWarnings]), undefined);
    expect(await d.diff(scenario)).toEqual([]);
  });

  it("reports differing warning texts as one `warnings` divergence when on", async () => {
    const d = new Differ(fakeAdapter([otherWarnings, otherWarnings]), undefined, true);
    const got = await d.diff(scenario);
    expect(got).toEqual([
      { path: "warnings", engine: engine.warnings.map((w) => w.message), binary: ["something else"] },
    ]);
  });

  it("ignores warnings when the statuses differ (the status divergence says it all)", async () => {
    const refused: Outcome = { ...otherWarnings, status: "refused", effective: null };
    const d = new Differ(fakeAdapter([refused, refused]), undefined, true);
    expect((await d.diff(scenario))?.map((x) => x.path)).toEqual(["status"]);
  });
});

describe("divergence signatures", () => {
  it("tell warning mistakes apart by the first differing text", async () => {
    const { divergenceSignature } = await import("../src/compare.js");
    const a = divergenceSignature([
      { path: "warnings", engine: ["x"], binary: ["Configured value for `a`"] },
    ]);
    const b = divergenceSignature([{ path: "warnings", engine: ["x"], binary: ["Codex is ignoring 1"] }]);
    expect(a).toBe("warnings[Configured value for ]");
    expect(a).not.toBe(b);
  });
});
