import { CHANGES } from "@codex-policy/engine";
import { describe, expect, it } from "vitest";
import { CLAIMS_PER_SIDE, changeCoverage, changeCovered } from "../src/change-coverage.js";
import { loadCorpus } from "../src/load.js";
import { makeCase } from "./helpers.js";

const basename = (tests: Record<string, unknown>[]) =>
  makeCase({
    id: "rules-basename",
    editions: ["codex-0.107", "codex-0.110"],
    codex: ">=0.93.0",
    scenario: {
      system: {
        requirements: '[rules]\nprefix_rules = [{ pattern = [{ token = "rm" }], decision = "forbidden" }]\n',
      },
      probe: { commands: ["/bin/rm -rf ./scratch"] },
    },
    tests,
  });

describe("changeCoverage: the claims that show one change on each side of its release", () => {
  it("counts a claim only when toggling that one change breaks it", () => {
    const c = basename([
      { id: "before", codex: "<0.110.0", expect: { "effective.commands.0.decision": "none" } },
      { id: "after", codex: ">=0.110.0", expect: { "effective.commands.0.decision": "forbidden" } },
      // Holds with or without the change: shows nothing.
      { id: "status", expect: { status: "ok" } },
    ]);
    const row = changeCoverage([c]).find((r) => r.id === "rule-basename-retry")!;
    expect(row).toMatchObject({ previous: "0.107", since: "0.110" });
    expect(row.before).toEqual(["rules-basename:before"]);
    expect(row.after).toEqual(["rules-basename:after"]);
    expect(changeCovered(row)).toBe(false);
    // The same claims say nothing about a change elsewhere in the table.
    expect(changeCoverage([c]).find((r) => r.id === "feature-pins")!.before).toEqual([]);
  });

  it("does not count a claim that fails on its own release", () => {
    const c = basename([
      { id: "wrong", codex: ">=0.110.0", expect: { "effective.commands.0.decision": "none" } },
    ]);
    const row = changeCoverage([c]).find((r) => r.id === "rule-basename-retry")!;
    expect(row.after).toEqual([]);
  });

  it(`the corpus shows every change entry with ${CLAIMS_PER_SIDE} claims on each side of its release`, async () => {
    const rows = changeCoverage(await loadCorpus(), { enough: CLAIMS_PER_SIDE });
    expect(rows.length).toBe(CHANGES.filter((c) => c.previous !== null).length);
    const short = rows
      .filter((r) => !changeCovered(r))
      .map((r) => `${r.id}: ${r.before.length}/${r.after.length}`);
    expect(short).toEqual([]);
  });
});
