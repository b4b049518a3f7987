import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { parseBaseline } from "../src/baseline.js";
import { corpusHash } from "../src/hash.js";
import { parseJsonl, toGithub, toJsonl, toJunit, toPretty, toTap } from "../src/report/index.js";
import { runConformance } from "../src/runner.js";
import { fakeAdapter, makeCase, outcome } from "./helpers.js";

const cases = [
  makeCase({
    id: "ap",
    tests: [
      { id: "good", expect: { "effective.approval_policy": "on-request" } },
      { id: "bad", expect: { "effective.approval_policy": "never" } },
      { id: "known", expect: { "effective.sandbox_mode": "workspace-write" } },
      { id: "stale", expect: { status: "ok" } },
    ],
  }),
  makeCase({
    id: "cl",
    description: "cloud <&>",
    tags: ["cloud"],
    scenario: { cloud: {} },
    tests: [{ id: "c", expect: { status: "ok" } }],
  }),
  makeCase({ id: "boom", description: "errors", tests: [{ id: "e", expect: { status: "ok" } }] }),
];

async function report() {
  const adapter = fakeAdapter(
    (s) => {
      if ((s as { description?: string }).description === "boom") throw new Error("adapter bug");
      return outcome();
    },
    { capabilities: ["requirements", "config"] },
  );
  const baseline = parseBaseline(
    `[[xfail]]\nid = "ap:known"\nreason = "sandbox not modelled"\n[[xfail]]\nid = "ap:stale"\nreason = "fixed since"\n`,
    "b.toml",
  );
  // The "boom" case errors: mark its scenario so the fake can tell.
  cases[2]!.scenario = { description: "boom" };
  return runConformance({
    adapter,
    cases,
    casesDir: "conformance/cases",
    timeoutMs: 1000,
    baseline,
    baselineFile: "b.toml",
    seed: 7,
  });
}

describe("reporters", () => {
  it("JSON lines: header with corpus hash and adapter, one record per instance, footer", async () => {
    const r = await report();
    const text = toJsonl(r);
    const lines = text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({
      type: "header",
      corpus: { hash: corpusHash(cases), cases: 3, instances: 6 },
      adapter: { name: "fake", version: "1.2.3" },
      editions: ["codex-0.169"],
      seed: 7,
      baseline: "b.toml",
    });
    expect(lines[0].corpus.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(lines.slice(1, -1).every((l) => l.type === "result")).toBe(true);
    expect(lines.at(-1)).toMatchObject({
      type: "footer",
      statuses: { pass: 2, fail: 2, errored: 1, skipped: 1 },
      verdicts: { ok: 1, xfail: 1, regression: 2, stale: 1, skipped: 1 },
      exit_code: 1,
    });
    expect(parseJsonl(text)).toEqual(JSON.parse(JSON.stringify(r)));
  });

  it("JUnit XML loads in a real XML parser with consistent counts", async () => {
    const xml = toJunit(await report());
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml);
    const suites = doc.testsuites;
    expect(suites).toMatchObject({ tests: "6", failures: "2", errors: "1", skipped: "2" });
    const list = Array.isArray(suites.testsuite) ? suites.testsuite : [suites.testsuite];
    expect(list.map((s: { name: string }) => s.name)).toEqual(["root"]);
    const tcs = list[0].testcase as {
      name: string;
      failure?: { type: string; message: string };
      error?: unknown;
      skipped?: unknown;
    }[];
    expect(tcs).toHaveLength(6);
    const byName = Object.fromEntries(tcs.map((t) => [t.name.replace(" [codex-0.169]", ""), t]));
    expect(byName["ap:bad"]!.failure!.type).toBe("fail");
    expect(byName["ap:bad"]!.failure!.message).toContain('expected "never"');
    expect(byName["ap:stale"]!.failure!.type).toBe("stale-baseline");
    expect(byName["boom:e"]!.error).toBeDefined();
    expect(byName["ap:known"]!.skipped).toBeDefined();
    expect(byName["cl:c"]!.skipped).toBeDefined();
  });

  it("TAP 14: plan, one line per record, TODO for expected failures, SKIP for skips, YAML diagnostics", async () => {
    const tap = toTap(await report());
    const lines = tap.trim().split("\n");
    expect(lines[0]).toBe("TAP version 14");
    expect(lines).toContain("1..6");
    const points = lines.filter((l) => /^(not )?ok \d+ - /.test(l));
    expect(points).toHaveLength(6);
    expect(points.map((p) => Number(/ok (\d+)/.exec(p)![1]))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(points.find((p) => p.includes("ap:known"))).toMatch(/^not ok .* # TODO sandbox not modelled$/);
    expect(points.find((p) => p.includes("cl:c"))).toMatch(
      /^ok .* # SKIP needs undeclared capability: cloud$/,
    );
    expect(points.find((p) => p.includes("ap:good"))).toMatch(/^ok /);
    const bad = lines.indexOf(points.find((p) => p.includes("ap:bad"))!);
    expect(lines[bad]).toMatch(/^not ok /);
    expect(lines[bad + 1]).toBe("  ---");
    expect(lines.slice(bad, bad + 10)).toContain("  ...");
  });

  it("GitHub annotations: an error per regression and stale entry, located at the case file when known", async () => {
    const out = toGithub(await report());
    const errors = out.split("\n").filter((l) => l.startsWith("::error"));
    expect(errors).toHaveLength(3);
    expect(errors.some((l) => l.includes("ap%3Astale") && l.includes("remove the entry"))).toBe(true);
    expect(out).toMatch(/^::notice title=conformance::fake: 2 passed, 2 regressions, 1 stale/m);
  });

  it("pretty: counts per area, failing ids with expected and actual, totals", async () => {
    const out = toPretty(await report());
    expect(out).toMatch(/root\s+2\s+3\s+1/);
    expect(out).toContain("✗ ap:bad [codex-0.169]");
    expect(out).toContain('- expected: "never"');
    expect(out).toContain('+ actual:   "on-request"');
    expect(out).toContain("stale baseline entry");
    expect(out.trim().split("\n").at(-1)).toBe(
      "2 passed, 3 failed, 1 skipped (2 regressions, 1 stale, 1 expected)",
    );
  });
});
