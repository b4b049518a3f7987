import { type ScenarioInput, ScenarioSchema } from "@codex-policy/spec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLOUD_LOAD_FAILED, selectCloud, stripCloudLoginKeys } from "../src/areas.js";
import { EDITIONS, type EditionSpec } from "../src/editions.js";
import { Diagnostics } from "../src/model.js";

const scenario = (s: ScenarioInput) => ScenarioSchema.parse(s);
const CLOUD = {
  default: 'allowed_sandbox_modes = ["read-only"]',
  rules: [
    { name: "Security", groups: ["sec"], requirements: 'allowed_web_search_modes = ["live"]' },
    { name: "Backend", groups: ["backend", "sec"], requirements: 'allowed_approval_policies = ["never"]' },
  ],
};
const eligible = (over: Partial<ScenarioInput> = {}, cloud: Record<string, unknown> = {}) =>
  scenario({
    identity: { auth: "chatgpt", plan: "enterprise", groups: ["backend", "sec"] },
    cloud: { ...CLOUD, ...cloud },
    ...over,
  });
const run = (s: ReturnType<typeof scenario>, edition: "codex-0.169" | "documented" = "codex-0.169") => {
  const diag = new Diagnostics();
  return { ...selectCloud(s, EDITIONS[edition], diag), diag };
};

describe("selectCloud", () => {
  it("eligibility by edition plans and ChatGPT auth", () => {
    for (const [plan, e169, doc] of [
      ["business", true, true],
      ["enterprise", true, true],
      ["edu", true, false],
      ["team", true, false],
      ["plus", false, false],
      ["free", false, false],
    ] as const) {
      const s = eligible({ identity: { auth: "chatgpt", plan, groups: [] } });
      expect(run(s).report.path === "ineligible").toBe(!e169);
      expect(run(s, "documented").report.path === "ineligible").toBe(!doc);
    }
    const api = run(eligible({ identity: { auth: "api-key", plan: "enterprise", groups: [] } }));
    expect(api.layer).toBeUndefined();
    expect(api.report.path).toBe("ineligible");
    expect(api.diag.notices[0]?.kind).toBe("cloud-ineligible");
    expect(run(scenario({ identity: { auth: "none" } })).diag.notices).toEqual([]);
  });
  it("first matching group rule applies; later matches never fill", () => {
    const r = run(eligible({}, { cache: "valid" }));
    expect(r.layer).toEqual({
      text: 'allowed_web_search_modes = ["live"]',
      source: "cloud:Security",
      label: "enterprise-managed requirements Security (rule-0)",
      layerId: "cloud.rules.0",
    });
    expect(r.report).toMatchObject({ path: "cache", rule: "Security" });
  });
  it("default policy when no group matches; nothing when there is no default", () => {
    const s = eligible({ identity: { auth: "chatgpt", plan: "business", groups: ["sales"] } });
    expect(run(s).layer).toMatchObject({
      source: "cloud",
      layerId: "cloud.default",
      label: "enterprise-managed requirements default (default)",
    });
    expect(run(s).report.rule).toBe("default");
    const none = scenario({
      identity: { auth: "chatgpt", plan: "business", groups: [] },
      cloud: { rules: [] },
    });
    expect(run(none)).toMatchObject({ report: { path: "fetched", rule: null } });
    expect(run(none).layer).toBeUndefined();
  });
  it("every cache state but valid leads to a fetch", () => {
    for (const cache of ["missing", "expired", "corrupt", "other-identity"] as const) {
      const r = run(eligible({}, { cache, fetch: "ok" }));
      expect(r.report.path).toBe("fetched");
      expect(r.layer?.source).toBe("cloud:Security");
    }
  });
  it("a valid cache is used even when a fetch would fail", () => {
    expect(run(eligible({}, { cache: "valid", fetch: "error" })).report.path).toBe("cache");
  });
  it("codex-0.169 fails closed with Codex's text", () => {
    for (const fetch of ["error", "timeout"] as const) {
      const r = run(eligible({}, { cache: "expired", fetch }));
      expect(r.layer).toBeUndefined();
      expect(r.report.path).toBe("refused");
      expect(r.diag.errors).toEqual([
        { code: "cloud-fetch-failed", layer: "cloud", message: CLOUD_LOAD_FAILED },
      ]);
    }
    expect(CLOUD_LOAD_FAILED).toBe("Failed to load cloud config bundle (workspace-managed policies).");
  });
  it("documented skips the layer with a notice", () => {
    const r = run(eligible({}, { cache: "missing", fetch: "timeout" }), "documented");
    expect(r.layer).toBeUndefined();
    expect(r.report.path).toBe("skipped");
    expect(r.diag.errors).toEqual([]);
    expect(r.diag.notices.map((n) => n.kind)).toEqual(["cloud-skipped"]);
  });
  it("eligible without a cloud section: absent", () => {
    expect(run(scenario({ identity: { auth: "chatgpt", plan: "enterprise" } })).report.path).toBe("absent");
  });
  it("stripCloudLoginKeys removes exactly the login keys", () => {
    expect(
      stripCloudLoginKeys({
        allowed_login_methods: ["api"],
        allowed_chatgpt_workspaces: ["w"],
        cli_auth_credentials_store: "file",
        chatgpt_base_url: "u",
        allowed_sandbox_modes: ["read-only"],
      }),
    ).toEqual({ allowed_sandbox_modes: ["read-only"] });
  });
  it("never throws on arbitrary scenarios", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        for (const ed of Object.values(EDITIONS) as EditionSpec[])
          selectCloud({ identity: a, cloud: b } as never, ed, new Diagnostics());
        stripCloudLoginKeys(a as never);
      }),
    );
  });
});
