import { describe, expect, it } from "vitest";
import { parseBaseline } from "../src/baseline.js";
import { CorpusError } from "../src/errors.js";
import { toPretty } from "../src/report/pretty.js";
import { runConformance } from "../src/runner.js";
import { fakeAdapter, makeCase, outcome } from "./helpers.js";

const cases = [
  makeCase({
    id: "ap",
    editions: ["codex-0.169", "documented"],
    tests: [
      { id: "good", expect: { "effective.approval_policy": "on-request" } },
      { id: "bad", expect: { "effective.approval_policy": "never" } },
    ],
  }),
  makeCase({
    id: "cl",
    description: "cloud",
    scenario: { cloud: { cache: "valid" } },
    tests: [{ id: "c", expect: { status: "ok" } }],
  }),
  makeCase({
    id: "ex",
    description: "explanations",
    tests: [{ id: "w", expect: { status: "ok", "warnings.*.code": { $contains: "requirement-fallback" } } }],
  }),
];

const always = () => outcome();

async function run(opts: Partial<Parameters<typeof runConformance>[0]> = {}) {
  return runConformance({ adapter: fakeAdapter(always), cases, casesDir: "mem", timeoutMs: 1000, ...opts });
}

describe("runConformance", () => {
  it("runs the codex-0.169 instances by default and every edition for the engine-like default", async () => {
    const r1 = await run();
    expect(new Set(r1.records.map((r) => r.edition))).toEqual(new Set(["codex-0.169"]));
    const r2 = await run({ allEditionsByDefault: true });
    expect(r2.records.filter((r) => r.edition === "documented").map((r) => r.id)).toEqual([
      "ap:good",
      "ap:bad",
    ]);
    const r3 = await run({ edition: "documented" });
    expect(r3.records.map((r) => `${r.id}@${r.edition}`)).toEqual([
      "ap:good@documented",
      "ap:bad@documented",
    ]);
  });

  it("scores statuses and checks", async () => {
    const { records, footer } = await run();
    const by = Object.fromEntries(records.map((r) => [r.id, r]));
    expect(by["ap:good"]!.status).toBe("pass");
    expect(by["ap:bad"]).toMatchObject({ status: "fail", verdict: "regression" });
    expect(by["ap:bad"]!.reason).toContain('expected "never", got "on-request"');
    expect(by["ex:w"]!.status).toBe("fail");
    expect(footer.classes).toEqual({
      decision: { passed: 3, total: 4 },
      explanation: { passed: 0, total: 1 },
    });
    expect(footer.exit_code).toBe(1);
  });

  it("never sends an instance that needs an undeclared capability", async () => {
    const seen: string[] = [];
    const adapter = fakeAdapter(
      (s) => {
        seen.push(JSON.stringify(s));
        return outcome();
      },
      { capabilities: ["requirements", "config"] },
    );
    const { records } = await run({ adapter });
    expect(records.find((r) => r.id === "cl:c")).toMatchObject({
      status: "skipped",
      reason: "needs undeclared capability: cloud",
    });
    expect(seen.some((s) => s.includes('"cloud"'))).toBe(false);
  });

  it("does not score explanation checks when the adapter does not claim explanations", async () => {
    const adapter = fakeAdapter(always, { capabilities: ["requirements", "config", "cloud"] });
    const { records } = await run({ adapter });
    const w = records.find((r) => r.id === "ex:w")!;
    expect(w.status).toBe("pass");
    expect(w.checks.find((c) => c.class === "explanation")).toMatchObject({ scored: false, ok: false });
  });

  it("reports a claimed capability that cannot be exercised as not testable, never as skipped", async () => {
    const adapter = fakeAdapter((s) =>
      (s as { cloud?: unknown }).cloud ? { skipped: "no cloud backend here" } : outcome(),
    );
    const { records } = await run({ adapter });
    expect(records.find((r) => r.id === "cl:c")).toMatchObject({
      status: "not-testable",
      reason: "no cloud backend here",
      verdict: "regression",
    });
  });

  it("reports checks on paths a run could not observe as unobserved (not a failure) unless declared unobservable", async () => {
    const blind = () => outcome({ unobserved: ["warnings"] });
    const r1 = await run({ adapter: fakeAdapter(blind) });
    expect(r1.records.find((r) => r.id === "ex:w")).toMatchObject({ status: "unobserved", verdict: "ok" });
    expect(r1.footer.statuses.unobserved).toBeGreaterThan(0);
    const r2 = await run({ adapter: fakeAdapter(blind, { unobservable: ["warnings"] }) });
    expect(r2.records.find((r) => r.id === "ex:w")).toMatchObject({ status: "pass" });
    // A `*` segment in a declared prefix matches any one path segment.
    const r3 = await run({ adapter: fakeAdapter(blind, { unobservable: ["*"] }) });
    expect(r3.records.find((r) => r.id === "ex:w")).toMatchObject({ status: "pass" });
  });

  it("names the release a path is not observable on, in a per-release run", async () => {
    const blind = () => outcome({ unobserved: ["warnings"] });
    const r = await run({
      adapter: fakeAdapter(blind, { editions: ["codex-0.169"] }),
      releases: ["0.169.0"],
    });
    const w = r.records.find((x) => x.id === "ex:w")!;
    expect(w).toMatchObject({ status: "unobserved", release: "0.169.0", edition: "codex-0.169" });
    expect(w.reason).toMatch(/^unobserved: warnings\S* is not observable on 0\.169\.0$/);
    expect(r.header.releases).toEqual(["0.169.0"]);
    expect(r.footer.releases?.["0.169.0"]?.unobserved).toBeGreaterThan(0);
    const pretty = toPretty(r);
    expect(pretty).toMatch(/^Not fully observable: \d+$/m);
    expect(pretty).toMatch(
      /^ {2}\? ex:w \[codex-0\.169\] {2}unobserved: warnings\S* is not observable on 0\.169\.0$/m,
    );
  });

  it("skips editions the adapter does not claim", async () => {
    const adapter = fakeAdapter(always, { editions: ["codex-0.169"] });
    const { records } = await run({ adapter, edition: "documented" });
    expect(records.every((r) => r.status === "skipped" && r.reason?.includes("not claimed"))).toBe(true);
  });

  it("turns an exception in an in-process adapter into errored and a slow one into timeout", async () => {
    const boom = await run({
      adapter: fakeAdapter(() => {
        throw new Error("kaboom");
      }),
    });
    expect(boom.records[0]).toMatchObject({ status: "errored", reason: "kaboom" });
    const slow = await run({
      adapter: fakeAdapter(() => new Promise((r) => setTimeout(() => r(outcome()), 500))),
      timeoutMs: 50,
      filter: { tags: { include: [], exclude: [] } },
    });
    expect(slow.records[0]!.status).toBe("timeout");
  });
});

describe("baselines: the four-outcome rule", () => {
  const baseline = (text: string) => parseBaseline(text, "b.toml");

  it("failing and listed passes; passing and not listed passes", async () => {
    const b = baseline(
      `[[xfail]]\nid = "ap:bad"\nreason = "known"\n[[xfail]]\nid = "ex"\nreason = "no warnings yet"\n`,
    );
    const { records, footer } = await run({ baseline: b });
    expect(records.find((r) => r.id === "ap:bad")).toMatchObject({
      verdict: "xfail",
      baseline_reason: "known",
    });
    expect(records.find((r) => r.id === "ap:good")!.verdict).toBe("ok");
    expect(footer.exit_code).toBe(0);
  });

  it("failing and not listed is a regression", async () => {
    const { footer } = await run({ baseline: baseline(`[[xfail]]\nid = "ap:bad"\nreason = "known"\n`) });
    expect(footer.verdicts.regression).toBe(1);
    expect(footer.exit_code).toBe(1);
  });

  it("passing and listed is a stale entry and fails the run", async () => {
    const b = baseline(
      `[[xfail]]\nid = "ap:*"\nreason = "all of ap"\n[[xfail]]\nid = "ex:w"\nreason = "x"\n`,
    );
    const { records, footer } = await run({ baseline: b });
    expect(records.find((r) => r.id === "ap:good")!.verdict).toBe("stale");
    expect(footer.verdicts.stale).toBe(1);
    expect(footer.exit_code).toBe(1);
  });

  it("skip entries are not run, and entries matching nothing are listed", async () => {
    let calls = 0;
    const adapter = fakeAdapter(() => {
      calls++;
      return outcome();
    });
    const b = baseline(
      `[[skip]]\nid = "ap"\nreason = "hangs"\n[[xfail]]\nid = "gone:x"\nreason = "removed case"\n`,
    );
    const { records, footer } = await run({ adapter, baseline: b });
    expect(
      records.filter((r) => r.case === "ap").every((r) => r.status === "skipped" && r.verdict === "skipped"),
    ).toBe(true);
    expect(calls).toBe(2);
    expect(footer.unmatched_baseline).toEqual(["gone:x"]);
  });

  it("rejects entries without a reason, with the file and path", () => {
    try {
      baseline(`[[xfail]]\nid = "ap:bad"\nreason = " "\n`);
      throw new Error("not rejected");
    } catch (e) {
      expect(e).toBeInstanceOf(CorpusError);
      expect((e as CorpusError).issues[0]).toMatchObject({ file: "b.toml", path: "xfail[0].reason" });
    }
  });
});
