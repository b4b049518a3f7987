import { ScenarioSchema } from "@codex-policy/spec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configDoc, requirementsDoc, scenario, toToml, webSearchList } from "../../src/index.js";
import { EDITION_IDS, params, run } from "../support.js";

const noPins = requirementsDoc([
  "allowed_approval_policies",
  "allowed_sandbox_modes",
  "allowed_approvals_reviewers",
  "remote_sandbox_config",
]);
const userDoc = configDoc({ mcp: false }).map(({ features: _f, web_search: _w, ...rest }) => rest);

describe("law 7: web search — disabled is always allowed; an empty list leaves only disabled", () => {
  // Evidence: oracle-findings rules 1 and 6; documented-edition.md "Web search".
  it.each(EDITION_IDS)("%s: every reported web-search list contains disabled", (ed) => {
    fc.assert(
      fc.property(scenario(), (s) => {
        const list = run(s, ed).requirements.allowed_web_search_modes?.value;
        if (list !== undefined) expect(list).toContain("disabled");
      }),
      params(),
    );
  });

  it.each(EDITION_IDS)("%s: a configured disabled is kept under any web-search list", (ed) => {
    fc.assert(
      fc.property(noPins, webSearchList(), userDoc, (req, list, user) => {
        const s = ScenarioSchema.parse({
          system: { requirements: toToml({ ...req, allowed_web_search_modes: list }) },
          user: { config: toToml({ ...user, web_search: "disabled" }) },
        });
        const o = run(s, ed);
        if (o.status !== "ok") return;
        expect(o.effective!.web_search).toBe("disabled");
        expect(
          o.notices.filter((n) => n.field === "web_search" || n.field === "web_search_mode"),
        ).toHaveLength(0);
      }),
      params(),
    );
  });

  it.each(EDITION_IDS)("%s: an empty list allows only disabled, whatever is configured", (ed) => {
    fc.assert(
      fc.property(
        noPins,
        fc.option(fc.constantFrom("disabled", "cached", "indexed", "live"), { nil: undefined }),
        userDoc,
        (req, configured, user) => {
          const s = ScenarioSchema.parse({
            system: { requirements: toToml({ ...req, allowed_web_search_modes: [] }) },
            user: { config: toToml({ ...user, ...(configured ? { web_search: configured } : {}) }) },
          });
          const o = run(s, ed);
          if (o.status !== "ok") return;
          expect(o.requirements.allowed_web_search_modes?.value).toStrictEqual(["disabled"]);
          expect(o.effective!.web_search).toBe("disabled");
        },
      ),
      params(),
    );
  });
});
