import { describe, expect, it } from "vitest";
import { mapRequirements } from "../src/map/requirements.js";

describe("mapRequirements", () => {
  const reported = {
    allowedLoginMethods: ["api", "chatgpt"],
    allowedApprovalPolicies: ["never"],
    allowedSandboxModes: ["read-only", "workspace-write"],
    featureRequirements: { shell_tool: false },
    allowedWebSearchModes: null,
  };

  it("snake_cases names, drops nulls, renames featureRequirements to features", () => {
    const r = mapRequirements(reported, { requirements: "allowed_approval_policies = []" });
    expect(Object.keys(r.requirements).sort()).toEqual([
      "allowed_approval_policies",
      "allowed_login_methods",
      "allowed_sandbox_modes",
      "features",
    ]);
  });

  it("gives a source only when exactly one file names the field", () => {
    const r = mapRequirements(reported, {
      requirements:
        'allowed_sandbox_modes = ["read-only"]\n[feature_requirements]\nshell_tool = false\nallowed_approval_policies = []',
      managed_config: 'approval_policy = "never"',
    });
    expect(r.requirements.allowed_sandbox_modes?.source).toBe("system");
    expect(r.requirements.features?.source).toBe("system");
    expect(r.requirements.allowed_approval_policies?.source).toBe("legacy");
    expect(r.requirements.allowed_login_methods?.source).toBe("(unobserved)");
    expect(r.unobserved).toEqual(["requirements.allowed_login_methods.source"]);
  });

  it("both files naming a field leave its source unobserved", () => {
    const r = mapRequirements(reported, {
      requirements: 'allowed_approval_policies = ["on-request"]',
      managed_config: 'approval_policy = "never"',
    });
    expect(r.unobserved).toContain("requirements.allowed_approval_policies.source");
  });

  it("a remote_sandbox_config entry counts as requirements.toml setting allowed_sandbox_modes", () => {
    const r = mapRequirements(reported, {
      requirements:
        '[[remote_sandbox_config]]\nhostname_patterns = ["*"]\nallowed_sandbox_modes = ["read-only"]',
    });
    expect(r.requirements.allowed_sandbox_modes?.source).toBe("system");
  });
});
