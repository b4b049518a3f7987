import { describe, expect, it } from "vitest";
import { unknownField } from "../src/messages.js";
import { checkRequirementShape, ignoredShapeSubkeys, reportedStruct } from "../src/requirements/shapes.js";
import { req, run } from "./helpers.js";

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

  it("checks network verdict maps and refuses a map given with its legacy lists", () => {
    expect(checkRequirementShape("experimental_network", { domains: { "a.com": "block" } })).toEqual({
      code: "unknown-variant",
      message: "unknown variant `block`, expected `allow` or `deny`",
      path: "experimental_network.domains",
    });
    expect(checkRequirementShape("experimental_network", { unix_sockets: 1 })?.message).toBe(
      "invalid type: integer `1`, expected a map",
    );
    expect(
      checkRequirementShape("experimental_network", { domains: { "a.com": "allow" }, denied_domains: [] }),
    ).toMatchObject({ code: "config-invalid", path: "experimental_network" });
    expect(
      checkRequirementShape("experimental_network", { unix_sockets: {}, allow_unix_sockets: ["/s"] })
        ?.message,
    ).toBe(
      "`unix_sockets` cannot be combined with legacy `allow_unix_sockets` in managed network requirements",
    );
    expect(checkRequirementShape("experimental_network", { domains: { "a.com": "deny" } })).toBeNull();
  });

  it("reports the network names in both forms, the lists in byte order", () => {
    const net = (text: string) =>
      run(req(`[experimental_network]\n${text}`)).requirements.network?.value as Record<string, unknown>;
    expect(
      net('[experimental_network.domains]\n"z.com" = "allow"\n"*.a.org" = "allow"\n"x.com" = "deny"'),
    ).toMatchObject({
      allowed_domains: ["*.a.org", "z.com"],
      denied_domains: ["x.com"],
    });
    const fromLists = net('allowed_domains = ["b.com", "a.com"]');
    expect(fromLists).toMatchObject({
      domains: { "b.com": "allow", "a.com": "allow" },
      allowed_domains: ["a.com", "b.com"],
    });
    expect(fromLists.denied_domains).toBeUndefined();
  });

  it("reports no requirements when Codex refuses", () => {
    const o = run(req('allowed_approval_policies = ["on-request"]\ndefault_permissions = "nowhere"'));
    expect(o.status).toBe("refused");
    expect(o.requirements).toEqual({});
  });
});

describe("how the merged requirements report some values (binary 0.169.0)", () => {
  const reported = (requirements: string) => run(req(requirements)).requirements;
  it("a path is a file URL, a relative one resolved from /etc/codex", () => {
    expect(reported('log_dir = "/var/log/codex"').log_dir?.value).toBe("file:///var/log/codex");
    expect(reported('sqlite_home = "state/../db"').sqlite_home?.value).toBe("file:///etc/codex/db");
  });
  it("[application] shows both tables, network with an empty domains map, storage in camel case", () => {
    expect(reported("[application.network]\nenabled = false").application?.value).toEqual({
      network: { enabled: false, domains: {} },
      storage: null,
    });
    expect(reported('[application.storage]\ndefault_project_parent = "/srv"').application?.value).toEqual({
      network: null,
      storage: { defaultProjectParent: "/srv", projectlessWorkspaceRoot: null },
    });
  });
  it("a [models] table without new_thread is not reported", () => {
    expect(reported("[models]").models).toBeUndefined();
    expect(reported('[models.new_thread]\nmodel = "gpt-5"').models?.value).toEqual({
      newThread: { model: "gpt-5", modelReasoningEffort: null, serviceTier: null },
    });
  });
});
