import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { caseSource } from "@codex-policy/harness";
import { LATEST_EDITION } from "@codex-policy/spec";
import { describe, expect, it } from "vitest";
import { loadPolicyRepo, RepoError, type RepoIssue } from "../src/index.js";
import { REQUIREMENTS, writeRepo } from "./helpers.js";

const REF = 'requirements = { file = "policies/requirements.toml" }';

function issuesOf(dir: string): RepoIssue[] {
  try {
    loadPolicyRepo(dir);
  } catch (e) {
    if (e instanceof RepoError) return e.issues;
    throw e;
  }
  throw new Error("the repository loaded");
}

describe("loadPolicyRepo: tests that point at the repository's policy files", () => {
  it("puts each referenced file's text where the test points, and fills in the provenance a test may leave out", () => {
    const dir = writeRepo({
      "policies/requirements.toml": REQUIREMENTS,
      "policies/legacy/managed_config.toml": 'approval_policy = "on-request"\n',
      "policies/unused.toml": 'allowed_web_search_modes = ["disabled"]\n',
      "tests/area/approval.toml": `description = "approval"
[scenario.system]
${REF}
managed_config = { file = "./policies/legacy/managed_config.toml" }
[[tests]]
id = "a"
[[tests]]
id = "b"
[tests.scenario.mdm]
requirements_toml_base64 = { file = "policies/requirements.toml" }
`,
    });
    const repo = loadPolicyRepo(dir);
    const c = repo.cases[0]!;
    expect(c.id).toBe("area-approval");
    expect(c.editions).toEqual([LATEST_EDITION]);
    expect(c.evidence).toEqual(["tests/area/approval.toml"]);
    const system = c.scenario.system as Record<string, string>;
    expect(system.requirements).toBe(REQUIREMENTS);
    expect(system.managed_config).toBe('approval_policy = "on-request"\n');
    const mdm = (c.tests[1]!.scenario as { mdm: { requirements_toml_base64: string } }).mdm;
    expect(Buffer.from(mdm.requirements_toml_base64, "base64").toString("utf8")).toBe(REQUIREMENTS);
    expect(caseSource(c)?.area).toBe("area");
    expect(repo.policies.map((p) => [p.file, p.kinds])).toEqual([
      ["policies/legacy/managed_config.toml", ["managed_config"]],
      ["policies/requirements.toml", ["requirements"]],
      ["policies/unused.toml", []],
    ]);
  });

  it("reads a cloud policy file's group rules, whose documents may be files too, under the test's cache state", () => {
    const dir = writeRepo({
      "policies/contractors.toml": 'allowed_web_search_modes = ["cached"]\n',
      "policies/cloud.toml": `default = 'allowed_web_search_modes = []'
[[rules]]
name = "Contractors"
groups = ["contractors"]
requirements = { file = "policies/contractors.toml" }
`,
      "tests/cloud.toml": `description = "cloud"
[scenario.cloud]
file = "policies/cloud.toml"
cache = "valid"
[[tests]]
id = "a"
`,
    });
    const repo = loadPolicyRepo(dir);
    expect(repo.cases[0]!.scenario.cloud).toEqual({
      cache: "valid",
      default: "allowed_web_search_modes = []",
      rules: [
        {
          name: "Contractors",
          groups: ["contractors"],
          requirements: 'allowed_web_search_modes = ["cached"]\n',
        },
      ],
    });
    expect(repo.policies.map((p) => [p.file, p.kinds])).toEqual([
      ["policies/cloud.toml", ["cloud"]],
      ["policies/contractors.toml", ["requirements"]],
    ]);
  });

  it("never writes the files it reads", () => {
    const dir = writeRepo({
      "policies/requirements.toml": REQUIREMENTS,
      "tests/a.toml": `description = "a"\n[scenario.system]\n${REF}\n[[tests]]\nid = "a"\n`,
    });
    const files = ["policies/requirements.toml", "tests/a.toml"].map((f) => join(dir, f));
    const before = files.map((f) => [readFileSync(f, "utf8"), statSync(f).mtimeMs]);
    loadPolicyRepo(dir);
    expect(files.map((f) => [readFileSync(f, "utf8"), statSync(f).mtimeMs])).toEqual(before);
  });
});

describe("loadPolicyRepo: bad input is located and coded", () => {
  it("a missing directory, a file, no tests/ and an empty tests/", () => {
    expect(issuesOf("/nonexistent/codex-policy-repo")[0]).toMatchObject({ code: "repo-missing" });
    const dir = writeRepo({ "file.txt": "x", "empty/tests/readme.md": "no tests here" });
    expect(issuesOf(join(dir, "file.txt"))[0]).toMatchObject({ code: "repo-not-directory" });
    expect(issuesOf(dir)[0]).toMatchObject({ code: "repo-no-tests" });
    expect(issuesOf(join(dir, "empty"))[0]).toMatchObject({ code: "repo-no-tests", file: "tests/" });
  });

  it("a test that points at a missing policy file, at a directory, or outside the repository", () => {
    const dir = writeRepo({
      "policies/dir/x.txt": "",
      "tests/a.toml": `description = "a"\n\n[scenario.system]\nrequirements = { file = "policies/missing.toml" }\n[[tests]]\nid = "a"\n`,
      "tests/b.toml": `description = "b"\n[[tests]]\nid = "b"\n[tests.scenario.user]\nconfig = { file = "policies/dir" }\n`,
      "tests/c.toml": `description = "c"\n[scenario.project]\nconfig = { file = "../outside.toml" }\n[[tests]]\nid = "c"\n`,
    });
    expect(issuesOf(dir)).toEqual([
      {
        file: "tests/a.toml",
        line: 4,
        column: 1,
        path: "scenario.system.requirements",
        code: "policy-missing",
        message: "policies/missing.toml: no such policy file",
      },
      {
        file: "tests/b.toml",
        line: 5,
        column: 1,
        path: "tests[0].scenario.user.config",
        code: "policy-unreadable",
        message: "policies/dir: not a regular file",
      },
      expect.objectContaining({ file: "tests/c.toml", line: 3, code: "policy-outside-repo" }),
    ]);
  });

  it("a malformed test file: TOML syntax, a malformed reference, a schema error, a duplicate id", () => {
    const dir = writeRepo({
      "policies/requirements.toml": REQUIREMENTS,
      "tests/a.toml": 'description = "a"\n[scenario\n',
      "tests/b.toml": `description = "b"\n[scenario.system]\nrequirements = { file = "policies/requirements.toml", kind = "x" }\n[[tests]]\nid = "b"\n`,
      "tests/c.toml": `description = "c"\n[[tests]]\nid = "c"\n[tests.scenario.host]\nos = "beos"\n`,
      "tests/d.toml": `id = "dup"\ndescription = "d"\n[[tests]]\nid = "d"\n`,
      "tests/e.toml": `id = "dup"\ndescription = "e"\n[[tests]]\nid = "e"\n`,
    });
    const issues = issuesOf(dir);
    expect(issues.map((i) => [i.file, i.line, i.code])).toEqual([
      ["tests/a.toml", 2, "toml-syntax"],
      ["tests/b.toml", 3, "reference-invalid"],
      ["tests/c.toml", 5, "scenario-invalid"],
      ["tests/e.toml", 1, "duplicate-case-id"],
    ]);
    expect(issues[2]!.path).toBe("tests[0].scenario.host.os");
  });

  it("a cloud policy file with a key it cannot hold, or broken TOML, is located in that file", () => {
    const dir = writeRepo({
      "policies/cloud.toml": 'default = ""\n[[rules]]\nname = "A"\nrequirements = ""\n\n[extra]\nx = 1\n',
      "policies/broken.toml": "[[rules]\n",
      "tests/a.toml": `description = "a"\n[scenario.cloud]\nfile = "policies/cloud.toml"\n[[tests]]\nid = "a"\n`,
      "tests/b.toml": `description = "b"\n[scenario.cloud]\nfile = "policies/broken.toml"\n[[tests]]\nid = "b"\n`,
    });
    expect(issuesOf(dir).map((i) => [i.file, i.line, i.code])).toEqual([
      ["policies/cloud.toml", 6, "cloud-file-invalid"],
      ["policies/broken.toml", 1, "cloud-file-invalid"],
    ]);
  });
});
