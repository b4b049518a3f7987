import { JsonlAdapter, loadCorpus, OneshotAdapter, runConformance } from "@codex-policy/harness";
import { describe, expect, it } from "vitest";
import { examplePath, fixtureCases } from "./helpers.js";

/** Where the documented flaw (last allowed approval policy instead of first) bites in the fixture cases. */
const FLAW_BITES = [
  "fixture.approval-default:default-disallowed",
  "fixture.approval-explicit:disallowed-falls-back-first",
];

describe("the example adapter (conformance/examples)", () => {
  it("long-lived: passes its honest subset and fails exactly where its documented flaw bites", async () => {
    const cases = await loadCorpus(fixtureCases);
    const adapter = new JsonlAdapter({
      argv: [process.execPath, examplePath("naive-adapter.mjs")],
      validate: true,
    });
    const r = await runConformance({ adapter, cases, casesDir: fixtureCases, timeoutMs: 5000 });
    expect(r.header.adapter).toMatchObject({
      name: "naive-example",
      version: "1.0.0",
      editions: ["codex-0.169"],
    });
    const failing = r.records.filter((x) => x.status !== "pass" && x.status !== "skipped");
    expect(failing.map((x) => x.id).sort()).toEqual(FLAW_BITES);
    for (const f of failing) {
      expect(f.status).toBe("fail");
      expect(f.checks.filter((c) => !c.ok).map((c) => c.path)).toEqual(["effective.approval_policy"]);
    }
    expect(r.records.filter((x) => x.status === "pass")).toHaveLength(6);
    expect(r.records.find((x) => x.id === "fixture.cloud-cache:cache-used")).toMatchObject({
      status: "skipped",
      reason: "needs undeclared capability: cloud",
    });
    expect(r.footer.adapter_restarts).toBe(0);
  });

  it("one-shot: the same results, one process per scenario", async () => {
    const cases = await loadCorpus(fixtureCases);
    const adapter = new OneshotAdapter({
      argv: [process.execPath, examplePath("naive-oneshot.mjs")],
      validate: true,
      capabilities: ["requirements", "config", "explanations"],
    });
    const r = await runConformance({ adapter, cases, casesDir: fixtureCases, timeoutMs: 10_000 });
    const failing = r.records.filter((x) => x.status !== "pass" && x.status !== "skipped").map((x) => x.id);
    expect(failing.sort()).toEqual(FLAW_BITES);
  });

  it("one-shot: a scenario the adapter cannot express (exit 77) is not testable when the capability is claimed", async () => {
    const cases = await loadCorpus(fixtureCases);
    const adapter = new OneshotAdapter({ argv: [process.execPath, examplePath("naive-oneshot.mjs")] });
    const r = await runConformance({
      adapter,
      cases,
      casesDir: fixtureCases,
      timeoutMs: 10_000,
      filter: { tags: { include: ["cloud"], exclude: [] } },
    });
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({
      status: "not-testable",
      reason: "cloud and MDM layers are out of scope",
    });
  });
});
