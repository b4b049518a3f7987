import { ScenarioSchema } from "@codex-policy/spec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { approvalList, reviewerList, sandboxList, toToml, webSearchList } from "../../src/index.js";
import { EDITION_IDS, params, run } from "../support.js";

const WEB_ORDER = ["cached", "indexed", "live", "disabled"];

const setup = fc.record({
  approvals: approvalList(),
  sandboxes: sandboxList(),
  web: webSearchList(),
  reviewers: reviewerList(),
  cfg: fc.record({
    approval_policy: fc.constantFrom("on-request", "never"),
    sandbox_mode: fc.constantFrom("read-only", "workspace-write", "danger-full-access"),
    web_search: fc.constantFrom("cached", "indexed", "live"),
    approvals_reviewer: fc.constantFrom("user", "auto_review"),
  }),
});

describe("law 10: fallbacks for disallowed configured values", () => {
  // Evidence: oracle-findings rules 9 (approval: first allowed entry), 14 (sandbox: read-only), 18 (reviewer:
  // first entry), 2 (web search: cached → indexed → live → disabled, independent of list order), and the
  // full-access rule checked on the 0.169.0 binary (corpus web-search-full-access-prefers-live-when-allowed):
  // under danger-full-access a mode other than disabled becomes live whenever live is allowed.
  it.each(EDITION_IDS)("%s", (ed) => {
    fc.assert(
      fc.property(setup, ({ approvals, sandboxes, web, reviewers, cfg }) => {
        const s = ScenarioSchema.parse({
          system: {
            requirements: toToml({
              allowed_approval_policies: approvals,
              allowed_sandbox_modes: sandboxes,
              allowed_web_search_modes: web,
              allowed_approvals_reviewers: reviewers,
            }),
          },
          user: { config: toToml(cfg) },
        });
        const o = run(s, ed);
        if (o.status !== "ok") return;
        const list = (k: string) => o.requirements[k]!.value as string[];
        const e = o.effective!;
        if (!list("allowed_approval_policies").includes(cfg.approval_policy))
          expect(e.approval_policy).toBe(list("allowed_approval_policies")[0]);
        else expect(e.approval_policy).toBe(cfg.approval_policy);
        if (!list("allowed_sandbox_modes").includes(cfg.sandbox_mode))
          expect(e.sandbox_mode).toBe("read-only");
        else expect(e.sandbox_mode).toBe(cfg.sandbox_mode);
        if (!list("allowed_approvals_reviewers").includes(cfg.approvals_reviewer))
          expect(e.approvals_reviewer).toBe(list("allowed_approvals_reviewers")[0]);
        else expect(e.approvals_reviewer).toBe(cfg.approvals_reviewer);
        const allowedWeb = list("allowed_web_search_modes");
        const checked = allowedWeb.includes(cfg.web_search)
          ? cfg.web_search
          : WEB_ORDER.find((m) => allowedWeb.includes(m));
        const fullAccess =
          e.sandbox_mode === "danger-full-access" && checked !== "disabled" && allowedWeb.includes("live");
        expect(e.web_search).toBe(fullAccess ? "live" : checked);
      }),
      params(),
    );
  });
});
