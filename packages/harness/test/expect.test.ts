import { describe, expect, it } from "vitest";
import { checkExpectations, resolvePath } from "../src/expect.js";
import { outcome } from "./helpers.js";

const o = outcome({
  requirements: { allowed_approval_policies: { value: ["on-request"], source: "cloud:eng" } },
  warnings: [
    { code: "requirement-fallback", message: "Configured value for `approval_policy` is disallowed" },
  ],
  effective: { mcp_servers: { "docs.server": { enabled: false, reason: "requirements (x)" } } },
  unobserved: ["notices", "effective.hooks"],
});

function one(path: string, expected: unknown) {
  return checkExpectations(o, { [path]: expected })[0]!;
}

describe("checkExpectations", () => {
  it("compares exact values deeply", () => {
    expect(one("requirements.allowed_approval_policies.value", ["on-request"]).ok).toBe(true);
    expect(one("requirements.allowed_approval_policies.value", ["on-request", "never"]).ok).toBe(false);
    expect(one("effective.approval_policy", "never")).toMatchObject({
      ok: false,
      expected: "never",
      actual: "on-request",
    });
  });

  it("implements $contains for strings and arrays", () => {
    expect(one("warnings.0.message", { $contains: "disallowed" }).ok).toBe(true);
    expect(one("warnings.0.message", { $contains: "allowed by" }).ok).toBe(false);
    expect(one("requirements.allowed_approval_policies.value", { $contains: "on-request" }).ok).toBe(true);
    expect(one("warnings.*.code", { $contains: "requirement-fallback" }).ok).toBe(true);
    expect(one("warnings.*.code", { $contains: "other" }).ok).toBe(false);
  });

  it("implements $absent, $len and $match", () => {
    expect(one("effective.features.x", { $absent: true }).ok).toBe(true);
    expect(one("effective.approval_policy", { $absent: true }).ok).toBe(false);
    expect(one("effective.approval_policy", { $absent: false }).ok).toBe(true);
    expect(one("warnings", { $len: 1 }).ok).toBe(true);
    expect(one("errors", { $len: 1 }).ok).toBe(false);
    expect(one("requirements.allowed_approval_policies.source", { $match: "^cloud:" }).ok).toBe(true);
    expect(one("effective.approval_policy", { $match: "^never$" }).ok).toBe(false);
  });

  it("treats a missing path as a failure for exact values", () => {
    expect(one("effective.nope", "x")).toMatchObject({ ok: false, actual: undefined });
  });

  it("finds keys that contain dots", () => {
    expect(resolvePath(o, "effective.mcp_servers.docs.server.enabled")).toBe(false);
  });

  it("classifies checks as decision or explanation", () => {
    expect(one("effective.approval_policy", "on-request").class).toBe("decision");
    expect(one("requirements.allowed_approval_policies.source", "cloud:eng").class).toBe("explanation");
    expect(one("warnings.*.code", { $contains: "x" }).class).toBe("explanation");
    expect(one("effective.mcp_servers.docs.server.reason", "requirements (x)").class).toBe("explanation");
  });

  it("flags paths under outcome.unobserved", () => {
    expect(one("notices", { $len: 0 }).unobserved).toBe(true);
    expect(one("effective.hooks.0.command", "x").unobserved).toBe(true);
    expect(one("effective.approval_policy", "on-request").unobserved).toBeUndefined();
  });
});
