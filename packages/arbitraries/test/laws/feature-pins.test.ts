import fc from "fast-check";
import { stringify } from "smol-toml";
import { describe, expect, it } from "vitest";
import { EFFECTIVE_PIN_KEYS, FEATURE_KEYS, layerStack } from "../../src/index.js";
import { EDITION_IDS, params, run, tryParse } from "../support.js";

/** Stacks whose pins name real features whose pins take effect (removed features are ignored, rule 36). */
const stacks = fc
  .tuple(
    layerStack({ brokenWeight: 0 }),
    fc.dictionary(fc.constantFrom(...EFFECTIVE_PIN_KEYS), fc.boolean(), { minKeys: 1, maxKeys: 3 }),
  )
  .map(([g, pins]) => {
    const req = { ...(tryParse(g.scenario.system?.requirements) ?? {}), features: pins };
    return { ...g.scenario, system: { ...g.scenario.system, requirements: pinsToml(req) } };
  });

function pinsToml(doc: object): string {
  return stringify(doc);
}

describe("law 6: feature pins always hold in the effective feature set", () => {
  // Evidence: oracle-findings rules 35 (pins override user config, --enable/--disable, -c and project config),
  // 36, 39; documented-edition.md "Feature pins".
  it.each(EDITION_IDS)("%s", (ed) => {
    fc.assert(
      fc.property(stacks, (s) => {
        const o = run(s, ed);
        if (o.status !== "ok") return;
        const pins = o.requirements.features?.value as Record<string, boolean> | undefined;
        expect(pins).toBeDefined();
        // A pin through an alias key (connectors → apps) composed with a canonical pin of the same feature is
        // an open question (no binary evidence; MDM cannot run on Linux), so such stacks are left out.
        if (Object.keys(pins!).some((k) => (FEATURE_KEYS.alias as readonly string[]).includes(k))) return;
        for (const [k, v] of Object.entries(pins!)) {
          if (!(EFFECTIVE_PIN_KEYS as readonly string[]).includes(k)) continue;
          expect(o.effective!.features[k]?.enabled, `feature ${k}`).toBe(v);
        }
      }),
      params(),
    );
  });
});
