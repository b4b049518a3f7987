import { describe, expect, it } from "vitest";
import { expandForRelease, expandTests, instanceId } from "../src/expand.js";
import { mergePatch } from "../src/merge.js";
import { makeCase } from "./helpers.js";

describe("mergePatch", () => {
  it("merges tables and replaces arrays and scalars", () => {
    const base = { host: { hostname: "a", os: "linux" }, identity: { groups: ["x", "y"] }, k: 1 };
    const out = mergePatch(base, { host: { hostname: "b" }, identity: { groups: ["z"] }, k: 2 });
    expect(out).toEqual({ host: { hostname: "b", os: "linux" }, identity: { groups: ["z"] }, k: 2 });
    expect(base.host.hostname).toBe("a");
  });
});

describe("expandTests", () => {
  const c = makeCase({
    editions: ["codex-0.169", "documented"],
    tags: ["t1"],
    scenario: { host: { hostname: "build-1" }, identity: { auth: "chatgpt", groups: ["eng"] } },
    tests: [
      {
        id: "a",
        scenario: { identity: { groups: ["ops"] }, user: { config: 'approval_policy = "never"' } },
        expect: { "effective.approval_policy": "on-request", status: "ok" },
        // Both keys: the spec's z.record(Edition, …) is exhaustive in zod 4 (reported to the lead).
        expect_by_edition: { "codex-0.169": {}, documented: { "effective.approval_policy": "never" } },
      },
      { id: "b", editions: ["documented"], expect: { status: "ok" } },
    ],
  });

  it("produces one instance per test and edition, with the edition set in the scenario", () => {
    const xs = expandTests(c);
    expect(xs.map((x) => `${instanceId(x)}@${x.edition}`)).toEqual([
      "demo:a@codex-0.169",
      "demo:a@documented",
      "demo:b@documented",
    ]);
    for (const x of xs) expect(x.scenario.edition).toBe(x.edition);
  });

  it("deep-merges the test patch and applies scenario defaults", () => {
    const [a] = expandTests(c);
    expect(a!.scenario.host).toEqual({ hostname: "build-1", os: "linux" });
    expect(a!.scenario.identity).toEqual({ auth: "chatgpt", groups: ["ops"] });
    expect(a!.scenario.user?.config).toBe('approval_policy = "never"');
    expect(a!.tags).toEqual(["t1"]);
  });

  it("merges expect_by_edition over expect for that edition only", () => {
    const [a169, aDoc] = expandTests(c);
    expect(a169!.expect).toEqual({ "effective.approval_policy": "on-request", status: "ok" });
    expect(aDoc!.expect).toEqual({ "effective.approval_policy": "never", status: "ok" });
  });

  it("turns a negative case into status and error-code expectations", () => {
    const neg = makeCase({ negative: { phase: "validation", code: "empty-list" }, tests: [{ id: "n" }] });
    expect(expandTests(neg)[0]!.expect).toEqual({
      status: "refused",
      "errors.*.code": { $contains: "empty-list" },
    });
  });
});

describe("expandForRelease", () => {
  const c = makeCase({
    editions: ["codex-0.169", "documented", "codex-0.100"],
    codex: ">=0.93.0",
    tests: [
      {
        id: "shared",
        expect: { status: "ok" },
        expect_by_edition: { "codex-0.169": { "effective.approval_policy": "on-request" } },
      },
      { id: "newer", codex: ">=0.110.0", expect: { status: "ok" } },
      { id: "older", codex: "<0.110.0", editions: ["codex-0.100"], expect: { status: "ok" } },
      { id: "docs-only", editions: ["documented"], expect: { status: "ok" } },
    ],
  });
  const ids = (v: string) => expandForRelease(c, v).map((t) => `${t.testId}@${t.edition}`);

  it("runs each test whose ranges cover the release, under that release's edition", () => {
    expect(ids("0.150.0")).toEqual(["shared@codex-0.150", "newer@codex-0.150"]);
    expect(ids("0.100.0")).toEqual(["shared@codex-0.100", "older@codex-0.100"]);
    expect(ids("0.90.0")).toEqual([]);
  });

  it("takes the shared expectations and only those written for that edition", () => {
    const at = (v: string) => expandForRelease(c, v).find((t) => t.testId === "shared")?.expect;
    expect(at("0.169.0")).toEqual({ status: "ok", "effective.approval_policy": "on-request" });
    expect(at("0.150.0")).toEqual({ status: "ok" });
  });

  it("a test's own range also narrows the editions it runs under in the corpus", () => {
    const listed = expandTests(c).map((t) => `${t.testId}@${t.edition}`);
    expect(listed).toContain("newer@codex-0.169");
    expect(listed).not.toContain("newer@codex-0.100");
    expect(listed).toContain("older@codex-0.100");
  });
});
