import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenario } from "../../src/index.js";
import { EDITION_IDS, params, run } from "../support.js";

const CONSTRAINED = [
  ["approval_policy", "allowed_approval_policies"],
  ["sandbox_mode", "allowed_sandbox_modes"],
  ["web_search", "allowed_web_search_modes"],
  ["approvals_reviewer", "allowed_approvals_reviewers"],
] as const;

describe("law 2: every effective value is inside its allowed set, or the status is refused", () => {
  // Evidence: oracle-findings rules 1, 9, 14, 18, 19, 29 (constraints apply to every source; the remote entry replaces the list).
  it.each(EDITION_IDS)("%s", (ed) => {
    fc.assert(
      fc.property(scenario(), (s) => {
        const o = run(s, ed);
        if (o.status === "refused") {
          expect(o.effective).toBeNull();
          expect(o.errors.length).toBeGreaterThan(0);
          return;
        }
        for (const [field, list] of CONSTRAINED) {
          const allowed = o.requirements[list]?.value;
          if (!Array.isArray(allowed)) continue;
          // The reviewer alias guardian_subagent is reported as auto_review (rule 18).
          expect(allowed, `${field} = ${o.effective![field]}`).toContain(o.effective![field]);
        }
      }),
      params(),
    );
  });
});
