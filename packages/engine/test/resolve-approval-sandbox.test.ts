import { describe, expect, it } from "vitest";
import { readOnlyProfileDebug } from "../src/messages.js";
import { REQ, req, run, warningMessages } from "./helpers.js";

describe("approval policy (oracle section b)", () => {
  it("falls back to the first allowed entry with a warning (b01, b02)", () => {
    const b01 = run(
      req('allowed_approval_policies = ["untrusted", "on-request"]', {
        user: { config: 'approval_policy = "never"' },
      }),
    );
    expect(b01.effective?.approval_policy).toBe("untrusted");
    expect(warningMessages(b01)).toEqual([
      `Configured value for \`approval_policy\` is disallowed by requirements; falling back to required value UnlessTrusted. Details: invalid value for \`approval_policy\`: \`Never\` is not in the allowed set [UnlessTrusted, OnRequest] (set by ${REQ})`,
    ]);
    const b02 = run(
      req('allowed_approval_policies = ["on-request", "untrusted"]', {
        user: { config: 'approval_policy = "never"' },
      }),
    );
    expect(b02.effective?.approval_policy).toBe("on-request");
  });
  it("keeps the default when allowed and otherwise uses the first entry silently (b05, b06, b07)", () => {
    expect(
      run(req('allowed_approval_policies = ["untrusted", "on-request"]')).effective?.approval_policy,
    ).toBe("on-request");
    const b06 = run(req('allowed_approval_policies = ["untrusted"]'));
    expect(b06.effective?.approval_policy).toBe("untrusted");
    expect(b06.warnings).toEqual([]);
    expect(b06.notices.map((n) => n.kind)).toContain("silent-fallback");
  });
  it("reads on-failure as on-request (b09)", () => {
    const o = run(req('allowed_approval_policies = ["on-failure"]'));
    expect(o.requirements.allowed_approval_policies?.value).toEqual(["on-request"]);
    expect(o.effective?.approval_policy).toBe("on-request");
  });
  it("refuses approval_policy = untrusted in any config layer (b33)", () => {
    const o = run({ user: { config: 'approval_policy = "untrusted"' } });
    expect(o.status).toBe("refused");
    expect(o.errors[0]).toMatchObject({ code: "config-approval-untrusted", layer: "user.config" });
  });
  it("applies to thread/start params with a warning instead of an error (b29)", () => {
    const o = run(
      req('allowed_approval_policies = ["on-request"]', {
        session: { thread: { approval_policy: "never" } },
      }),
    );
    expect(o.status).toBe("ok");
    expect(o.effective?.approval_policy).toBe("on-request");
    expect(o.effective?.sources?.approval_policy).toBe("requirements");
  });
});

describe("sandbox (oracle section b, rules 14-16)", () => {
  const warn = (cand: string, set: string) =>
    `Configured value for \`permission_profile\` is disallowed by requirements; falling back to required value ${readOnlyProfileDebug(true)}. Details: invalid value for \`sandbox_mode\`: \`${cand}\` is not in the allowed set [${set}] (set by ${REQ})`;
  it("always falls back to read-only whatever the list order (b11, b12)", () => {
    for (const list of ['["read-only", "workspace-write"]', '["workspace-write", "read-only"]']) {
      const o = run(
        req(`allowed_sandbox_modes = ${list}`, { user: { config: 'sandbox_mode = "danger-full-access"' } }),
      );
      expect(o.effective?.sandbox_mode).toBe("read-only");
      expect(o.warnings).toHaveLength(1);
    }
    const b11 = run(
      req('allowed_sandbox_modes = ["read-only", "workspace-write"]', {
        user: { config: 'sandbox_mode = "danger-full-access"' },
      }),
    );
    expect(warningMessages(b11)).toEqual([warn("DangerFullAccess", "ReadOnly, WorkspaceWrite")]);
  });
  it("checks the trusted-project default workspace-write (b14, b16)", () => {
    const trusted = { project: { trust: "trusted" as const } };
    expect(
      run(req('allowed_sandbox_modes = ["read-only", "workspace-write"]', trusted)).effective?.sandbox_mode,
    ).toBe("workspace-write");
    const b16 = run(req('allowed_sandbox_modes = ["danger-full-access", "read-only"]', trusted));
    expect(b16.effective?.sandbox_mode).toBe("read-only");
    expect(warningMessages(b16)).toEqual([warn("WorkspaceWrite", "DangerFullAccess, ReadOnly")]);
  });
  it("refuses a list without read-only, empty included (b17, h11)", () => {
    for (const list of ['["workspace-write"]', "[]"]) {
      const o = run(req(`allowed_sandbox_modes = ${list}`));
      expect(o.status).toBe("refused");
      expect(o.errors[0]?.code).toBe("sandbox-without-read-only");
    }
    expect(run(req('allowed_sandbox_modes = ["workspace-write"]')).errors[0]?.message).toBe(
      `invalid value for \`allowed_sandbox_modes\`: \`[WorkspaceWrite]\` is not in the allowed set must include 'read-only' to allow any PermissionProfile (set by ${REQ})`,
    );
  });
  it("refuses never combined with a refused danger-full-access (j01)", () => {
    const o = run(
      req('allowed_sandbox_modes = ["read-only"]', {
        user: { config: 'approval_policy = "never"\nsandbox_mode = "danger-full-access"' },
      }),
    );
    expect(o.status).toBe("refused");
    expect(o.errors[0]?.code).toBe("never-with-disallowed-full-access");
  });
  it("drops external-sandbox from the report (h16)", () => {
    expect(
      run(req('allowed_sandbox_modes = ["read-only", "external-sandbox"]')).requirements.allowed_sandbox_modes
        ?.value,
    ).toEqual(["read-only"]);
  });
});

describe("reviewer (oracle rule 18)", () => {
  it("falls back to the first entry and normalizes guardian_subagent", () => {
    const b21 = run(
      req('allowed_approvals_reviewers = ["user"]', {
        user: { config: 'approvals_reviewer = "auto_review"' },
      }),
    );
    expect(b21.effective?.approvals_reviewer).toBe("user");
    expect(b21.warnings).toHaveLength(1);
    const b25 = run(req('allowed_approvals_reviewers = ["guardian_subagent"]'));
    expect(b25.effective?.approvals_reviewer).toBe("auto_review");
    expect(b25.requirements.allowed_approvals_reviewers?.value).toEqual(["auto_review"]);
    expect(b25.warnings).toEqual([]);
  });
  it("refuses an empty list (h14)", () => {
    expect(run(req("allowed_approvals_reviewers = []")).errors[0]?.message).toBe(
      "field `allowed_approvals_reviewers` cannot be empty",
    );
  });
});

describe("project trust (oracle section j)", () => {
  it("sets the defaults per trust state", () => {
    const t = run({ project: { trust: "trusted" } }).effective;
    const u = run({ project: { trust: "untrusted" } }).effective;
    const n = run({ project: { trust: "unknown" } }).effective;
    expect([t?.approval_policy, t?.sandbox_mode]).toEqual(["on-request", "workspace-write"]);
    expect([u?.approval_policy, u?.sandbox_mode]).toEqual(["untrusted", "workspace-write"]);
    expect([n?.approval_policy, n?.sandbox_mode]).toEqual(["on-request", "read-only"]);
  });
  it("ignores an untrusted project's config and says so", () => {
    const o = run({ project: { trust: "unknown", config: 'approval_policy = "never"' } });
    expect(o.effective?.approval_policy).toBe("on-request");
    expect(o.warnings.map((w) => w.code)).toEqual(["project-config-disabled"]);
  });
});
