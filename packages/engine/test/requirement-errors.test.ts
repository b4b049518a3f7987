import { describe, expect, it } from "vitest";
import { req, run } from "./helpers.js";

describe("requirements-layer errors carry a position", () => {
  it("points at the offending value, keeping Codex's own message", () => {
    const o = run(
      req('# managed\nallowed_sandbox_modes = ["read-only"]\n\nallowed_web_search_modes = "cached"\n'),
    );
    expect(o.errors[0]).toMatchObject({
      code: "invalid-type",
      layer: "system.requirements",
      line: 4,
      column: 28,
    });
    expect(o.errors[0]?.message).toContain('invalid type: string "cached", expected a sequence');
  });

  it("finds keys inside tables", () => {
    const o = run(req('[windows]\nallowed_sandbox_implementations = ["bogus"]\n'));
    expect(o.errors[0]).toMatchObject({ code: "unknown-variant", line: 2 });
  });

  it("adds the table form to a bare granular, as a hint beside Codex's message", () => {
    const o = run(req('allowed_approval_policies = ["on-request", "granular"]\n'));
    expect(o.errors[0]?.message).toContain("invalid type: unit variant, expected newtype variant");
    const hint = o.notices.find((n) => n.kind === "hint");
    expect(hint?.field).toBe("allowed_approval_policies");
    expect(hint?.message).toContain(
      "{ granular = { sandbox_approval = true, rules = true, mcp_elicitations = true } }",
    );
    const table = run(
      req(
        'allowed_approval_policies = ["on-request", { granular = { sandbox_approval = true, rules = true, mcp_elicitations = true } }]\n',
      ),
    );
    expect(table.status).toBe("ok");
  });
});
