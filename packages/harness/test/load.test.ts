import { describe, expect, it } from "vitest";
import { CorpusError } from "../src/errors.js";
import { loadCorpus } from "../src/load.js";
import { caseSource } from "../src/source.js";
import { tempTree } from "./helpers.js";

const GOOD = `id = "a.one"
description = "first"
editions = ["codex-0.169"]
evidence = ["spec-from-source.md#x"]
[scenario]
[[tests]]
id = "t"
expect.status = "ok"
`;

async function issuesOf(files: Record<string, string>) {
  try {
    await loadCorpus(tempTree(files));
  } catch (e) {
    expect(e).toBeInstanceOf(CorpusError);
    return (e as CorpusError).issues;
  }
  throw new Error("expected the corpus to be rejected");
}

describe("loadCorpus", () => {
  it("loads nested files recursively, in path order, and records area and file", async () => {
    const dir = tempTree({
      "zeta/b.toml": GOOD.replace("a.one", "z.b").replace("first", "zb"),
      "alpha/deep/a.toml": GOOD,
      "top.toml": GOOD.replace("a.one", "top").replace("first", "top"),
      "alpha/notes.md": "ignored",
    });
    const cases = await loadCorpus(dir);
    expect(cases.map((c) => c.id)).toEqual(["a.one", "top", "z.b"]);
    expect(cases.map((c) => caseSource(c)?.area)).toEqual(["alpha", "root", "zeta"]);
    expect(caseSource(cases[0]!)?.relPath).toBe("alpha/deep/a.toml");
  });

  it("locates TOML syntax errors by file, line and column", async () => {
    const issues = await issuesOf({ "x/bad.toml": 'id = "a"\ndescription = \n' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: "x/bad.toml", line: 2, code: "toml-syntax" });
    expect(issues[0]!.column).toBeGreaterThan(0);
  });

  it("locates schema errors by file and path, and reports every broken file", async () => {
    const issues = await issuesOf({
      "a.toml": GOOD.replace('evidence = ["spec-from-source.md#x"]', "evidence = []"),
      "b.toml": GOOD.replace('id = "t"', 'id = "Bad Id"'),
    });
    expect(issues.map((i) => [i.file, i.path])).toEqual([
      ["a.toml", "evidence"],
      ["b.toml", "tests[0].id"],
    ]);
  });

  it("rejects an invalid scenario patch with the test's location", async () => {
    const issues = await issuesOf({
      "a.toml": GOOD.replace('expect.status = "ok"', 'scenario.host.os = "beos"\nexpect.status = "ok"'),
    });
    expect(issues[0]).toMatchObject({
      file: "a.toml",
      path: "tests[0].scenario.host.os",
      code: "scenario-invalid",
    });
  });

  it("rejects duplicate case ids across files and duplicate test ids in a case", async () => {
    const dup = await issuesOf({ "a.toml": GOOD, "b.toml": GOOD.replace("first", "second") });
    expect(dup[0]).toMatchObject({ file: "b.toml", code: "duplicate-case-id" });
    expect(dup[0]!.message).toContain("a.toml");
    const twice = `${GOOD}[[tests]]\nid = "t"\nexpect.status = "ok"\n`;
    const dupTest = await issuesOf({ "a.toml": twice });
    expect(dupTest[0]).toMatchObject({ path: "tests[1].id", code: "duplicate-test-id" });
  });

  it("rejects unknown operators and expectation paths outside the Outcome", async () => {
    const issues = await issuesOf({
      "a.toml": GOOD.replace(
        'expect.status = "ok"',
        'expect.status = { "$contain" = "ok" }\nexpect."efective.x" = 1',
      ),
    });
    expect(issues.map((i) => i.path)).toEqual(["tests[0].expect.status", "tests[0].expect.efective.x"]);
    expect(issues[0]!.message).toContain("$contain");
  });

  it("names a missing directory", async () => {
    await expect(loadCorpus("/nonexistent/cases")).rejects.toThrow(/no such cases directory/);
  });
});
