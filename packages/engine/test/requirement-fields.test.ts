import { editionRelease, RELEASE_EDITIONS } from "@codex-policy/spec";
import { describe, expect, it } from "vitest";
import data from "../data/requirement-fields-by-release.json";
import { editionSpec } from "../src/editions.js";
import { BISECTED_REQUIREMENT_KEYS, UNMODELLED_REPORTED_KEYS } from "../src/releases/behaviour.js";
import { CHANGES } from "../src/releases/changes.js";
import { FIRST_READ_RELEASE, KEY_FIRST_REPORTED } from "../src/releases/requirement-fields.js";
import { KNOWN_REQUIREMENT_KEYS } from "../src/requirements/fields.js";
import { req, run } from "./helpers.js";

const generated = CHANGES.filter((c) =>
  c.evidence.some((e) => e.startsWith("merged requirements field list")),
);

describe("requirement keys dated by the fields each release reports", () => {
  it("the data covers the first release of every published minor from 0.80 on", () => {
    // 0.77 has no configRequirements/read and 0.79 reports no merged requirements.
    const wanted = RELEASE_EDITIONS.map((e) => editionRelease(e)!).filter(
      (v) => Number(v.split(".")[1]) >= 80,
    );
    expect(data.read).toEqual(wanted);
    expect(FIRST_READ_RELEASE).toBe("0.80.0");
  });

  it("every reported key is one 0.169 knows, or listed as not modelled", () => {
    for (const key of KEY_FIRST_REPORTED.keys())
      if (!KNOWN_REQUIREMENT_KEYS.has(key)) expect(UNMODELLED_REPORTED_KEYS).toContain(key);
    expect(UNMODELLED_REPORTED_KEYS.length).toBeLessThan(KEY_FIRST_REPORTED.size / 4);
  });

  it("each generated entry adds keys the release before it does not know, and it does", () => {
    expect(generated.length).toBeGreaterThan(5);
    for (const c of generated) {
      const keys = c.add?.requirementKeys ?? [];
      expect(keys.length).toBeGreaterThan(0);
      const before = editionSpec(`codex-${c.previous}`).requirementKeys;
      const after = editionSpec(`codex-${c.since}`).requirementKeys;
      for (const k of keys) {
        expect(BISECTED_REQUIREMENT_KEYS.has(k)).toBe(false);
        expect(before).not.toContain(k);
        expect(after).toContain(k);
      }
    }
  });

  it("the newest edition knows every key 0.169 knows", () => {
    const latest = editionSpec("codex-0.171").requirementKeys;
    for (const k of KNOWN_REQUIREMENT_KEYS) expect(latest).toContain(k);
  });

  it("allow_managed_hooks_only: ignored by 0.130, reported from 0.131 (binary 0.130.0 / 0.131.0)", () => {
    expect(KEY_FIRST_REPORTED.get("allow_managed_hooks_only")).toBe("0.131.0");
    const s = req("allow_managed_hooks_only = false");
    expect(run(s, "codex-0.130").requirements.allow_managed_hooks_only).toBeUndefined();
    expect(run(s, "codex-0.131").requirements.allow_managed_hooks_only?.value).toBe(false);
  });
});
