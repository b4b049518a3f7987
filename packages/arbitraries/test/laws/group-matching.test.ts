import { ScenarioSchema } from "@codex-policy/spec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GROUPS, groupRules, requirementsDoc, toToml } from "../../src/index.js";
import { EDITION_IDS, params, run, tryParse } from "../support.js";

const cloudOnly = fc.record({
  groups: fc.subarray([...GROUPS]),
  rules: groupRules(),
  default: fc.option(requirementsDoc().map(toToml), { nil: undefined }),
});

describe("law 5: group matching — the first matching rule decides, later matches never fill a field", () => {
  // Evidence: documented-edition.md "Group rules" (first matching rule applies; unset fields are not filled from
  // later matching rules; default when none matches); conformance case groups-later-match-never-fills.
  it.each(EDITION_IDS)("%s", (ed) => {
    fc.assert(
      fc.property(cloudOnly, ({ groups, rules, default: dflt }) => {
        const s = ScenarioSchema.parse({
          identity: { auth: "chatgpt", plan: "enterprise", user: "u-1", account: "acct-1", groups },
          cloud: { cache: "valid", rules, ...(dflt !== undefined ? { default: dflt } : {}) },
        });
        const o = run(s, ed);
        const first = rules.find((r) => r.groups.some((g) => (groups as string[]).includes(g)));
        const chosen = first ? first.requirements : dflt;
        expect(o.cloud?.rule ?? null).toBe(first ? first.name : dflt !== undefined ? "default" : null);
        if (o.status !== "ok") return;
        const keys = Object.keys(tryParse(chosen ?? "") ?? {});
        // A matching remote_sandbox_config entry reports as allowed_sandbox_modes (oracle rule 29).
        if (keys.includes("remote_sandbox_config")) keys.push("allowed_sandbox_modes");
        for (const [k, entry] of Object.entries(o.requirements)) {
          if (entry.source === "default") continue;
          expect(keys, `requirement ${k} from ${entry.source}`).toContain(k);
          if (first) expect(entry.source).toBe(`cloud:${first.name}`);
        }
      }),
      params(),
    );
  });
});
