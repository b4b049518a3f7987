import { describe, expect, it } from "vitest";
import { AdapterError } from "../src/errors.js";
import { mapOutcome } from "../src/map/outcome.js";
import { PRINT_STARTUP_CONFIG_SINCE, requirementsChannelFor } from "../src/plan.js";
import { FIXTURE_PATHS, rawFixture, scenarioFixture } from "./fixtures.js";

describe("builds before --print-startup-config", () => {
  it("ask a running app-server for the merged requirements", () => {
    expect(PRINT_STARTUP_CONFIG_SINCE).toBe("0.164.0");
    expect(requirementsChannelFor("0.163.0")).toBe("rpc");
    expect(requirementsChannelFor("0.128.0")).toBe("rpc");
    expect(requirementsChannelFor("0.164.0")).toBe("print");
    expect(requirementsChannelFor("0.171.0")).toBe("print");
  });

  it("0.150: requirements from configRequirements/read, legacy file above requirements.toml", () => {
    const o = mapOutcome(
      rawFixture("legacy-0150"),
      scenarioFixture("legacy-0150"),
      ["requirements", "session"],
      FIXTURE_PATHS,
      "codex-0.150",
    );
    expect(o.edition).toBe("codex-0.150");
    expect(o.status).toBe("ok");
    expect(o.requirements.allowed_approval_policies?.value).toEqual(["never"]);
    expect(o.requirements.allowed_sandbox_modes?.value).toEqual(["read-only", "danger-full-access"]);
    // no allowed_login_methods default before 0.156
    expect(o.requirements.allowed_login_methods).toBeUndefined();
    expect(o.effective?.approval_policy).toBe("never");
    expect(o.effective?.sandbox_mode).toBe("danger-full-access");
  });

  it("0.150: a load error ends the app-server; its stderr line is the refusal", () => {
    const o = mapOutcome(
      rawFixture("allow-rule-0150"),
      scenarioFixture("allow-rule-0150"),
      ["requirements", "session"],
      FIXTURE_PATHS,
      "codex-0.150",
    );
    expect(o.status).toBe("refused");
    expect(o.errors[0]?.code).toBe("rules-invalid");
    expect(o.errors[0]?.layer).toBe("system.requirements");
    // the retry-on-defaults wrapper of these builds is not part of the failure's text
    expect(o.errors[0]?.message).toMatch(
      /^invalid rules in requirements \(set by \/etc\/codex\/requirements\.toml\)/,
    );
  });

  it("a list command that refuses what the thread's parameters cure leaves that list unobserved", () => {
    const raw = rawFixture("legacy-0150");
    const refusal = {
      args: ["features", "list"],
      code: 1,
      stdout: "",
      stderr: "Error: invalid value for `approval_policy`: `Never` is not in the allowed set [OnRequest]\n",
      timedOut: false,
      started: 1,
      ended: 2,
    };
    raw.features = refusal;
    raw.mcp = { ...refusal, args: ["mcp", "list", "--json"] };
    const o = mapOutcome(
      raw,
      scenarioFixture("legacy-0150"),
      ["requirements", "session", "features", "mcp"],
      FIXTURE_PATHS,
      "codex-0.150",
    );
    expect(o.status).toBe("ok");
    expect(o.unobserved).toEqual(expect.arrayContaining(["effective.features", "effective.mcp_servers"]));
    // without a started thread the same failure is no refusal the lists could leave out
    raw.appServer!.threadStart = null;
    expect(() =>
      mapOutcome(raw, scenarioFixture("legacy-0150"), ["requirements", "features"], FIXTURE_PATHS),
    ).toThrow(/features list exited 1/);
  });

  it("a release without configRequirements/read (0.77) leaves the requirements unobserved", () => {
    const raw = rawFixture("legacy-0150");
    raw.appServer!.configRequirements = {
      id: 2,
      error: {
        code: -32600,
        message: "Invalid request: unknown variant `configRequirements/read`, expected one of `initialize`",
      },
    };
    const o = mapOutcome(raw, scenarioFixture("legacy-0150"), ["requirements", "session"], FIXTURE_PATHS);
    expect(o.unobserved).toContain("requirements");
    expect(o.requirements).toEqual({});
    expect(o.effective?.approval_policy).toBe("never");
  });

  it("a failed configRequirements/read is an adapter error, not an empty requirement set", () => {
    const raw = rawFixture("legacy-0150");
    raw.appServer!.configRequirements = { id: 2, error: { code: -32601, message: "method not found" } };
    expect(() =>
      mapOutcome(raw, scenarioFixture("legacy-0150"), ["requirements", "session"], FIXTURE_PATHS),
    ).toThrow(AdapterError);
  });

  it("0.95: a disallowed value refused by the thread, the app-server up on defaults", () => {
    const o = mapOutcome(
      rawFixture("disallowed-0095"),
      scenarioFixture("disallowed-0095"),
      ["requirements", "session", "features", "mcp"],
      FIXTURE_PATHS,
      "codex-0.95",
    );
    expect(o.status).toBe("refused");
    expect(o.warnings.map((w) => w.code)).toEqual(["invalid-configuration"]);
    expect(o.errors[0]?.code).toBe("requirement-disallowed");
    expect(o.errors[0]?.layer).toBe("system.requirements");
    // the thread's `error deriving config: ` wrapper is not part of the failure's text
    expect(o.errors[0]?.message).toMatch(/^invalid value for `approval_policy`: `Never` is not/);
  });

  it("0.80: an app-server that never answers initialize after a load failure is a refusal", () => {
    const raw = rawFixture("disallowed-0080");
    expect(raw.timeouts).toEqual(["initialize"]);
    const o = mapOutcome(
      raw,
      scenarioFixture("disallowed-0080"),
      ["requirements", "session", "features", "mcp"],
      FIXTURE_PATHS,
      "codex-0.80",
    );
    expect(o.status).toBe("refused");
    expect(o.warnings).toEqual([]);
    expect(o.errors[0]?.code).toBe("requirement-disallowed");
    expect(o.errors[0]?.message).toBe(
      "invalid value for `approval_policy`: `Never` is not in the allowed set [UnlessTrusted, OnRequest] (set by /etc/codex/requirements.toml)",
    );
  });

  it("0.80: a config value error reads the same from features list and from the app-server's exit", () => {
    const serde =
      "unknown variant `sometimes`, expected one of `untrusted`, `on-failure`, `on-request`, `never`";
    const backtrace = "\n\nStack backtrace:\n   0: <unknown>\n";
    const hung = rawFixture("disallowed-0080");
    hung.features = { ...hung.features!, stderr: `Error: ${serde}\nin \`approval_policy\`${backtrace}` };
    const exited = rawFixture("disallowed-0080");
    exited.timeouts = [];
    exited.appServer!.rec = {
      ...exited.appServer!.rec,
      stderr: `Error: error loading config: ${serde}\nin \`approval_policy\`${backtrace}`,
      exit: { code: 1, signal: null },
    };
    const messages = [hung, exited].map((raw) => {
      const o = mapOutcome(
        raw,
        scenarioFixture("disallowed-0080"),
        ["requirements", "session"],
        FIXTURE_PATHS,
        "codex-0.80",
      );
      expect(o.status).toBe("refused");
      expect(o.errors[0]?.code).toBe("unknown-variant");
      return o.errors[0]?.message;
    });
    expect(messages).toEqual([`${serde}\nin \`approval_policy\``, `${serde}\nin \`approval_policy\``]);
  });

  it("an initialize timeout without a failing features list stays a timeout", () => {
    const raw = rawFixture("disallowed-0080");
    raw.features = { ...raw.features!, code: 0, stderr: "" };
    expect(() =>
      mapOutcome(raw, scenarioFixture("disallowed-0080"), ["requirements", "session"], FIXTURE_PATHS),
    ).toThrow(/safety-net timeout/);
  });
});
