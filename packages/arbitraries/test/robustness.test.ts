import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRobust, robustnessScenario, robustnessViolation } from "../src/index.js";
import { params } from "./support.js";

describe("robustness: random and mutated TOML in every layer never breaks resolve", () => {
  // Evidence: oracle-findings rules 52, 53, 56 (bad input is a located load error, never a crash); resolve() contract.
  it("every input yields an Outcome or a located, coded error", () => {
    fc.assert(
      fc.property(robustnessScenario(), (s) => {
        expect(checkRobust(s)).toBeNull();
      }),
      params(Number(process.env.FC_ROBUST_RUNS ?? 500)),
    );
  });

  it("the checker itself rejects an engine crash and unlocated errors", () => {
    const base = {
      edition: "codex-0.169" as const,
      requirements: {},
      effective: null,
      notices: [],
      warnings: [],
    };
    expect(
      robustnessViolation({
        ...base,
        status: "refused",
        errors: [{ code: "internal", layer: "scenario", message: "x" }],
      }),
    ).toMatch(/internal/);
    expect(
      robustnessViolation({
        ...base,
        status: "refused",
        errors: [{ code: "toml-syntax", layer: "nowhere", message: "x" }],
      }),
    ).toMatch(/nowhere/);
    expect(robustnessViolation({ ...base, status: "refused", errors: [] })).toMatch(/without an error/);
    expect(
      robustnessViolation({
        ...base,
        status: "refused",
        errors: [{ code: "toml-syntax", layer: "user.config", message: "x" }],
      }),
    ).toBeNull();
  });
});
