import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenario } from "../../src/index.js";
import { EDITION_IDS, params, run } from "../support.js";

describe("law 1: resolution is deterministic", () => {
  // Evidence: anchors.md §2.3 ("resolution is deterministic"); resolve() is documented as pure.
  it.each(EDITION_IDS)("%s: the same scenario (and a deep copy of it) resolves to the same Outcome", (ed) => {
    fc.assert(
      fc.property(scenario(), (s) => {
        const a = run(s, ed);
        const b = run(structuredClone(s), ed);
        expect(b).toStrictEqual(a);
      }),
      params(),
    );
  });
});
