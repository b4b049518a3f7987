import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { oracleAnchors } from "../src/lint-evidence.js";
import { codes, corpusCase, FIXTURE_OPTIONS, lint } from "./lint-helpers.js";

const withEvidence = (...evidence: string[]) => corpusCase({ evidence });

describe("lint: evidence", () => {
  it("accepts reference files with anchors, repo docs and fuzz replays", () => {
    const c = withEvidence(
      "oracle-findings.md#a05",
      "oracle-findings.md#rule-2",
      "oracle-findings.md#section-a",
      "oracle-findings.md#rules",
      "spec-from-source.md#7.1",
      "version-drift.md#3",
      "documented-edition.md#web-search",
      "docs/guide.md#divergences",
      "fuzz:seed=4244",
      "fuzz:seed=1592995591;path=0.3.1",
    );
    expect(lint([c])).toEqual([]);
  });

  it("rejects evidence that cites no reference file, doc or fuzz replay", () => {
    const c = withEvidence("https://example.com/x", "openai/codex#12", "notes.md#a05", "fuzz:seed=abc");
    expect(codes([c])).toEqual([
      "evidence-invalid@evidence[0]",
      "evidence-invalid@evidence[1]",
      "evidence-invalid@evidence[2]",
      "evidence-invalid@evidence[3]",
    ]);
    expect(lint([c])[0]?.message).toContain("oracle-findings.md");
  });

  it("requires an anchor, numbered anchors in the source and drift notes, and existing docs", () => {
    const c = withEvidence(
      "documented-edition.md",
      "docs/guide.md",
      "spec-from-source.md#precedence",
      "version-drift.md#1.x",
      "docs/missing.md#intro",
    );
    expect(codes([c])).toEqual([
      "evidence-no-anchor@evidence[0]",
      "evidence-no-anchor@evidence[1]",
      "evidence-anchor-invalid@evidence[2]",
      "evidence-anchor-invalid@evidence[3]",
      "evidence-unknown-anchor@evidence[4]",
    ]);
  });

  it("rejects oracle anchors that name no scenario, rule or section", () => {
    const c = withEvidence(
      "oracle-findings.md#a06",
      "oracle-findings.md#rule-7",
      "oracle-findings.md#section-k",
    );
    const issues = lint([c]);
    expect(issues.map((i) => i.code)).toEqual(Array(3).fill("evidence-unknown-anchor"));
    expect(issues[0]).toMatchObject({ file: "approval/approval-demo.toml", severity: "error" });
    expect(issues[0]?.message).toContain("'a06'");
  });

  it("skips only the oracle anchor check when the reference directory is missing", () => {
    const c = withEvidence("oracle-findings.md#z99", "oracle-findings.md", "spec-from-source.md#x");
    expect(codes([c], { referenceDir: "/nonexistent/reference" })).toEqual([
      "evidence-no-anchor@evidence[1]",
      "evidence-anchor-invalid@evidence[2]",
    ]);
  });

  it("without corpus conventions, accepts any well-formed reference", () => {
    const c = withEvidence(
      "https://example.com/x",
      "openai/codex#12",
      "notes.md#a06",
      "fuzz:seed=7;path=1.2",
    );
    expect(lint([c], { conventions: false })).toEqual([]);
    expect(codes([withEvidence("see the wiki")], { conventions: false })).toEqual([
      "evidence-invalid@evidence[0]",
    ]);
  });

  it("reads oracle anchors from scenario names, lettered sections and the Rules list only", () => {
    const text = readFileSync(join(FIXTURE_OPTIONS.referenceDir!, "oracle-findings.md"), "utf8");
    const anchors = oracleAnchors(text);
    expect([...anchors].sort()).toEqual(
      ["a05", "b12", "rule-1", "rule-2", "rules", "section-0", "section-a"].sort(),
    );
  });
});
