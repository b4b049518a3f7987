import { ScenarioSchema } from "@codex-policy/spec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configDoc, managedRules, PROGRAMS, SUBCOMMANDS, toToml, userRulesText } from "../../src/index.js";
import { EDITION_IDS, params, run } from "../support.js";

const setup = fc.record({
  program: fc.constantFrom(...PROGRAMS),
  sub: fc.constantFrom(...SUBCOMMANDS),
  userPrefixLen: fc.integer({ min: 1, max: 2 }),
  others: fc.option(managedRules(), { nil: undefined }),
  user: configDoc({ mcp: false }),
  trust: fc.constantFrom("trusted", "untrusted"),
});

describe("law 9: a managed forbidden rule always beats any user allow", () => {
  // Evidence: oracle-findings rules 45, 46 (g15-rules-user-allow-vs-managed-forbidden); documented-edition.md "Command rules".
  it.each(EDITION_IDS)("%s", (ed) => {
    fc.assert(
      fc.property(setup, ({ program, sub, userPrefixLen, others, user, trust }) => {
        const forbidden = {
          pattern: [{ token: program }],
          decision: "forbidden",
          justification: "blocked by policy",
        };
        const s = ScenarioSchema.parse({
          system: { requirements: toToml({ rules: { prefix_rules: [...(others ?? []), forbidden] } }) },
          user: {
            config: toToml(user),
            rules: userRulesText([{ pattern: [program, sub].slice(0, userPrefixLen), decision: "allow" }]),
          },
          project: { trust },
          probe: { commands: [`${program} ${sub} target`] },
        });
        const o = run(s, ed);
        if (o.status !== "ok") return;
        const c = o.effective!.commands[0]!;
        expect(c.decision).toBe("forbidden");
        expect(c.outcome).toBe("rejected");
      }),
      params(),
    );
  });
});
