import { describe, expect, it } from "vitest";
import { loadCorpus } from "../src/load.js";
import { makeCase, tempTree } from "./helpers.js";
import { codes, corpusCase, lint } from "./lint-helpers.js";

describe("lint: ids, files and areas", () => {
  it("accepts a case filed under its area with a matching name", () => {
    expect(lint([corpusCase()])).toEqual([]);
  });

  it("flags an id that differs from the file name", () => {
    const issues = lint([corpusCase({}, "approval/approval-demo-old.toml")]);
    expect(issues).toEqual([
      {
        file: "approval/approval-demo-old.toml",
        path: "id",
        severity: "error",
        code: "id-file-mismatch",
        message: "id 'approval-demo' does not match the file name 'approval-demo-old.toml'",
      },
    ]);
  });

  it("flags ids without their area prefix and unknown area directories", () => {
    expect(codes([corpusCase({ id: "sandbox-demo" }, "sandbox/sandbox-demo.toml")])).toEqual([]);
    expect(codes([corpusCase({ id: "sandbox-demo" }, "approval/sandbox-demo.toml")])).toEqual([
      "id-area-prefix@id",
    ]);
    expect(codes([corpusCase({ id: "approvals-demo" }, "approvals/approvals-demo.toml")])).toEqual([
      "unknown-area@",
    ]);
    expect(codes([corpusCase({ id: "fuzz-0a1b2c" }, "fuzz/fuzz-0a1b2c.toml")])).toEqual([]);
  });

  it("applies file and area rules only with corpus conventions, and only to loaded cases", () => {
    const elsewhere = corpusCase({ id: "team-a-demo" }, "team-a/team-a-demo.toml");
    expect(codes([elsewhere], { conventions: false })).toEqual([]);
    expect(codes([corpusCase({}, "misc/other.toml")], { conventions: false })).toEqual([]);
    expect(lint([makeCase({ evidence: ["oracle-findings.md#a05"] })])).toEqual([]);
  });

  it("locates issues by the corpus-relative path of cases the loader read", async () => {
    const dir = tempTree({
      "approval/approval-x.toml": `id = "approval-y"
description = "a loaded case"
editions = ["codex-0.169"]
evidence = ["oracle-findings.md#a05"]
[scenario]
[[tests]]
id = "t"
expect.status = "ok"
`,
    });
    const issues = lint(await loadCorpus(dir));
    expect(issues.map((i) => [i.file, i.code])).toEqual([["approval/approval-x.toml", "id-file-mismatch"]]);
  });
});

describe("lint: editions", () => {
  it("flags editions listed twice by the case or a test", () => {
    const c = corpusCase({
      editions: ["codex-0.169", "codex-0.169"],
      tests: [{ id: "t1", editions: ["documented", "documented"], expect: { status: "ok" } }],
    });
    expect(codes([c])).toEqual([
      "duplicate-edition@editions",
      "duplicate-edition@tests[0].editions",
      "test-edition-unlisted@tests[0].editions",
      "test-edition-unlisted@tests[0].editions",
    ]);
  });

  it("flags test editions the case does not list", () => {
    const c = corpusCase({ tests: [{ id: "t1", editions: ["documented"], expect: { status: "ok" } }] });
    const issues = lint([c]);
    expect(issues.map((i) => i.code)).toEqual(["test-edition-unlisted"]);
    expect(issues[0]?.message).toContain("'documented'");
  });

  it("flags expect_by_edition entries for editions the test does not run", () => {
    const c = corpusCase({
      editions: ["codex-0.169", "documented"],
      tests: [
        {
          id: "t1",
          editions: ["codex-0.169"],
          expect: { status: "ok" },
          expect_by_edition: { documented: { status: "refused" } },
        },
      ],
    });
    expect(codes([c])).toEqual(["expect-edition-not-run@tests[0].expect_by_edition.documented"]);
  });
});

describe("lint: what tests assert", () => {
  it("flags a test that asserts nothing in one of its editions", () => {
    const c = corpusCase({
      editions: ["codex-0.169", "documented"],
      tests: [
        { id: "both", expect: { status: "ok" } },
        { id: "split", expect_by_edition: { "codex-0.169": { status: "ok" }, documented: { status: "ok" } } },
        { id: "half", expect_by_edition: { documented: { status: "ok" } } },
        { id: "empty" },
      ],
    });
    const issues = lint([c]);
    expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual([
      "no-expectations@tests[2]",
      "no-expectations@tests[3]",
    ]);
    expect(issues[0]?.message).toBe("test 'half' asserts nothing in codex-0.169");
  });

  it("lets negative-case tests rely on the implied refusal, but not expect another status", () => {
    const negative = { phase: "validation", code: "invalid-type" };
    const c = corpusCase({
      negative,
      editions: ["codex-0.169", "documented"],
      tests: [
        { id: "implied" },
        { id: "refused", expect: { status: "refused" } },
        { id: "ok", expect_by_edition: { documented: { status: "ok" } } },
      ],
    });
    expect(codes([c])).toEqual(["negative-not-refused@tests[2].expect_by_edition.documented.status"]);
  });

  it("warns about 'should' in case and test descriptions", () => {
    const c = corpusCase({
      description: "the fallback should warn",
      tests: [{ id: "t1", description: "Should refuse", expect: { status: "ok" } }],
    });
    const issues = lint([c]);
    expect(issues.map((i) => [i.severity, i.code, i.path])).toEqual([
      ["warning", "modal-description", "description"],
      ["warning", "modal-description", "tests[0].description"],
    ]);
  });
});
