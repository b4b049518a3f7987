import { describe, expect, it } from "vitest";
import { EDITIONS } from "../src/editions.js";
import type { RequirementLayer } from "../src/model.js";
import { composeRequirements } from "../src/requirements/compose.js";

const layer = (kind: RequirementLayer["kind"], doc: Record<string, unknown>): RequirementLayer => ({
  kind,
  source: kind === "mdm-legacy" ? "mdm" : kind,
  label: `${kind}-label`,
  layerId: "system.requirements",
  doc,
});

describe("codex-0.169 deep merge (spec-from-source 2.4)", () => {
  const ed = EDITIONS["codex-0.169"];
  it("replaces lists whole, even with an empty list, from the higher layer", () => {
    const c = composeRequirements(
      [
        layer("system", { allowed_web_search_modes: ["cached", "live"] }),
        layer("mdm", { allowed_web_search_modes: [] }),
      ],
      ed,
      "h",
    );
    expect(c.fields.allowed_web_search_modes?.value).toEqual([]);
    expect(c.fields.allowed_web_search_modes?.layer.source).toBe("mdm");
  });
  it("merges tables key by key and lists every contributor, highest first", () => {
    const c = composeRequirements(
      [layer("system", { features: { a: true, b: false } }), layer("cloud", { features: { b: true } })],
      ed,
      "h",
    );
    expect(c.fields.features?.value).toEqual({ a: true, b: true });
    expect(c.fields.features?.layers.map((l) => l.source)).toEqual(["cloud", "system"]);
  });
  it("concatenates prefix rules highest layer first", () => {
    const c = composeRequirements(
      [
        layer("system", { rules: { prefix_rules: [{ n: "low" }] } }),
        layer("legacy", {}),
        layer("mdm", { rules: { prefix_rules: [{ n: "high" }] } }),
      ],
      ed,
      "h",
    );
    expect(c.rules?.map((r) => (r.rule as { n: string }).n)).toEqual(["high", "low"]);
  });
  it("evaluates remote_sandbox_config per layer, so a higher plain list beats a lower match", () => {
    const low = layer("system", {
      allowed_sandbox_modes: ["read-only"],
      remote_sandbox_config: [
        { hostname_patterns: ["*"], allowed_sandbox_modes: ["read-only", "workspace-write"] },
      ],
    });
    const high = layer("cloud", { allowed_sandbox_modes: ["read-only"] });
    expect(composeRequirements([low, high], ed, "x").fields.allowed_sandbox_modes?.value).toEqual([
      "read-only",
    ]);
    expect(composeRequirements([low], ed, "x").fields.allowed_sandbox_modes?.value).toEqual([
      "read-only",
      "workspace-write",
    ]);
  });
  it("an unmatched higher remote entry does not shadow the lower list", () => {
    const low = layer("system", { allowed_sandbox_modes: ["read-only"] });
    const high = layer("cloud", {
      remote_sandbox_config: [{ hostname_patterns: ["mac-*"], allowed_sandbox_modes: ["workspace-write"] }],
    });
    const c = composeRequirements([low, high], ed, "linux-01.example.com");
    expect(c.fields.allowed_sandbox_modes?.value).toEqual(["read-only"]);
    expect(c.remote[0]?.applied).toBeNull();
  });
});

describe("documented first-writer merge (documented-edition, merge rule)", () => {
  const ed = EDITIONS.documented;
  it("the earliest layer owns a field even with an empty list; later layers fill unset fields", () => {
    // documented order, lowest first: legacy, mdm-legacy, system, mdm, cloud
    const c = composeRequirements(
      [
        layer("system", { allowed_web_search_modes: ["live"], allowed_approval_policies: ["never"] }),
        layer("cloud", { allowed_web_search_modes: [] }),
      ],
      ed,
      "h",
    );
    expect(c.fields.allowed_web_search_modes?.value).toEqual([]);
    expect(c.fields.allowed_web_search_modes?.layer.source).toBe("cloud");
    expect(c.fields.allowed_approval_policies?.layer.source).toBe("system");
  });
  it("owns tables whole: no key-by-key merge", () => {
    const c = composeRequirements(
      [layer("system", { features: { a: true } }), layer("cloud", { features: { b: true } })],
      ed,
      "h",
    );
    expect(c.fields.features?.value).toEqual({ b: true });
  });
  it("takes prefix rules from the first layer that sets them only", () => {
    const c = composeRequirements(
      [
        layer("system", { rules: { prefix_rules: [{ n: "sys" }] } }),
        layer("cloud", { rules: { prefix_rules: [{ n: "cloud" }] } }),
      ],
      ed,
      "h",
    );
    expect(c.rules?.map((r) => (r.rule as { n: string }).n)).toEqual(["cloud"]);
  });
});
