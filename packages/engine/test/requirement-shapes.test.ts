import { describe, expect, it } from "vitest";
import { unknownField } from "../src/messages.js";
import { checkRequirementShape, ignoredShapeSubkeys, reportedStruct } from "../src/requirements/shapes.js";

describe("value shapes of requirements fields that are not simulated", () => {
  it("accepts the shapes Codex reads", () => {
    expect(checkRequirementShape("chatgpt_base_url", "https://x")).toBeNull();
    expect(checkRequirementShape("log_dir", "relative/dir")).toBeNull();
    expect(checkRequirementShape("allowed_login_methods", ["api", "chatgpt"])).toBeNull();
    expect(checkRequirementShape("allowed_chatgpt_workspaces", ["ws-1"])).toBeNull();
    expect(checkRequirementShape("cli_auth_credentials_store", "keyring")).toBeNull();
    expect(checkRequirementShape("application", { network: {}, storage: {} })).toBeNull();
    expect(checkRequirementShape("auto_review", { anything: 1 })).toBeNull();
    expect(checkRequirementShape("apps", { docs: { enabled: false } })).toBeNull();
    expect(checkRequirementShape("not_a_shaped_field", 5)).toBeNull();
  });

  it("refuses the wrong kind with serde's texts", () => {
    expect(checkRequirementShape("additional_developer_instructions", 5)).toEqual({
      code: "invalid-type",
      message: "invalid type: integer `5`, expected a string",
      path: "additional_developer_instructions",
    });
    expect(checkRequirementShape("sqlite_home", {})?.message).toBe("invalid type: map, expected path string");
    expect(checkRequirementShape("allowed_chatgpt_workspaces", [5])?.message).toBe(
      "invalid type: integer `5`, expected a string",
    );
    expect(checkRequirementShape("otel", "x")?.message).toBe(
      'invalid type: string "x", expected struct OtelRequirementsToml',
    );
    expect(checkRequirementShape("apps", { docs: 3 })?.message).toBe(
      "invalid type: integer `3`, expected struct AppRequirementToml",
    );
  });

  it("names enum variants and struct fields the way serde does", () => {
    expect(checkRequirementShape("allowed_login_methods", ["x"])).toEqual({
      code: "unknown-variant",
      message: "unknown variant `x`, expected `chatgpt` or `api`",
      path: "allowed_login_methods",
    });
    expect(checkRequirementShape("enforce_residency", 5)?.message).toBe(
      "invalid type: unit variant, expected string only",
    );
    expect(checkRequirementShape("enforce_residency", "eu")?.message).toBe(
      "unknown variant `eu`, expected `us`",
    );
    expect(checkRequirementShape("cli_auth_credentials_store", {})?.message).toBe(
      "wanted exactly 1 element, found 0 elements",
    );
    expect(checkRequirementShape("config_server", { url: "x" })).toEqual({
      code: "unknown-field",
      message: "unknown field `url`, expected `base_url` or `oauth`",
      path: "config_server",
    });
    expect(unknownField("z", ["a", "b", "c"])).toBe("unknown field `z`, expected one of `a`, `b`, `c`");
  });

  it("checks the kinds of known fields inside open structs, with the field's path", () => {
    expect(checkRequirementShape("experimental_network", { enabled: "yes" })).toEqual({
      code: "invalid-type",
      message: 'invalid type: string "yes", expected a boolean',
      path: "experimental_network.enabled",
    });
    expect(checkRequirementShape("windows", { allowed_sandbox_implementations: "elevated" })?.path).toBe(
      "windows.allowed_sandbox_implementations",
    );
    expect(checkRequirementShape("experimental_network", { http_port: 3128, anything: {} })).toBeNull();
  });

  it("lists unknown keys of open structs, and none of closed ones (those refuse)", () => {
    expect(ignoredShapeSubkeys("auto_review", { policy: "x", ignore_rules: [] })).toEqual([
      "auto_review.policy",
    ]);
    expect(ignoredShapeSubkeys("browser_use", { origins: {}, mystery: 1 })).toEqual(["browser_use.mystery"]);
    expect(ignoredShapeSubkeys("otel", { mystery: 1 })).toEqual([]);
    expect(ignoredShapeSubkeys("auto_review", "x")).toEqual([]);
  });

  it("reports structs as the binary does: every field, unset ones null, in its spelling", () => {
    expect(reportedStruct("auto_review", { policy: "x" })).toEqual({
      requiredOnModels: null,
      ignoreRules: null,
    });
    expect(reportedStruct("models", { new_thread: { model: "o3" } })).toEqual({
      newThread: { model: "o3", modelReasoningEffort: null, serviceTier: null },
    });
    expect(reportedStruct("otel", { environment: "prod" })).toMatchObject({
      environment: "prod",
      tool_result: null,
    });
    expect(reportedStruct("application", { network: {} })).toBeNull();
  });
});
