import { type Outcome, OutcomeSchema } from "@codex-policy/spec";
import { sampleOutcome } from "@codex-policy/spec/testing";
import { describe, expect, it } from "vitest";
import { diffOutcomes, flatten } from "../src/compare.js";

const base: Outcome = OutcomeSchema.parse(
  sampleOutcome({
    requirements: { allowed_web_search_modes: { value: ["cached", "disabled"], source: "system" } },
  }),
);

describe("diffOutcomes", () => {
  it("flattens to leaf paths with array indices", () => {
    const f = flatten(base);
    expect(f.get("requirements.allowed_web_search_modes.value.1")).toBe("disabled");
    expect(f.get("effective.hooks")).toEqual([]);
  });

  it("equal outcomes have no differing row", () => {
    expect(diffOutcomes(base, base).filter((r) => r.state === "differs")).toEqual([]);
  });

  it("marks a changed value and a path present on one side only", () => {
    const other = structuredClone(base);
    other.effective!.web_search = "live";
    other.warnings.push({ code: "requirement-fallback", message: "m" });
    const rows = diffOutcomes(base, other).filter((r) => r.state === "differs");
    expect(rows.map((r) => r.path).sort()).toEqual(
      ["effective.web_search", "warnings.0.code", "warnings.0.message", "warnings"].sort(),
    );
    expect(rows.find((r) => r.path === "effective.web_search")).toMatchObject({
      engine: "cached",
      binary: "live",
    });
  });

  it("does not compare what the binary lists as unobserved", () => {
    const other = structuredClone(base);
    other.notices = [];
    base.notices.push({ kind: "fallback", field: null, source: null, message: "x" });
    other.unobserved = ["notices"];
    const rows = diffOutcomes(base, other);
    expect(rows.filter((r) => r.path.startsWith("notices")).every((r) => r.state === "unobserved")).toBe(
      true,
    );
    expect(rows.some((r) => r.state === "differs")).toBe(false);
  });
});
