import { describe, expect, it } from "vitest";
import { codes, corpusCase } from "./lint-helpers.js";

/** Codes of the issues for one test whose `expect` table is `table`, paths relative to that table. */
function expectCodes(table: Record<string, unknown>, over: Record<string, unknown> = {}): string[] {
  const c = corpusCase({ tests: [{ id: "t1", expect: table }], ...over });
  return codes([c]).map((s) => s.replace("@tests[0].expect.", "@"));
}

const probing = (...commands: string[]) => ({ scenario: { probe: { commands } } });

describe("lint: expectation paths", () => {
  it("requires an Outcome root and no empty segments", () => {
    expect(expectCodes({ "effective.sandbox_mode": "read-only", "efective.web_search": "cached" })).toEqual([
      "path-root-unknown@efective.web_search",
    ]);
    expect(expectCodes({ "warnings..code": "x", "effective.": 1 })).toEqual([
      "path-empty-segment@warnings..code",
      "path-empty-segment@effective.",
    ]);
  });
});

describe("lint: operator tables", () => {
  it("accepts well-formed operators, alone or combined", () => {
    expect(
      expectCodes({
        warnings: { $len: 0 },
        "effective.mcp_servers.docs": { $absent: true },
        "errors.0.message": { $match: "^line \\d+" },
        "notices.*.kind": { $contains: "fallback", $len: 1 },
      }),
    ).toEqual([]);
  });

  it("flags unknown operators and tables that mix operators with plain keys", () => {
    expect(expectCodes({ warnings: { $size: 1 }, "errors.0": { $len: 1, code: "x" } })).toEqual([
      "operator-unknown@warnings",
      "operator-mixed@errors.0",
    ]);
  });

  it("requires $absent = true, a non-negative integer $len and a compilable $match", () => {
    expect(
      expectCodes({
        "cloud.rule": { $absent: false },
        warnings: { $len: -1 },
        errors: { $len: 1.5 },
        notices: { $len: "2" },
        "errors.0.message": { $match: "([unclosed" },
        "warnings.0.message": { $match: 3 },
      }),
    ).toEqual([
      "operator-absent-not-true@cloud.rule",
      "operator-len-invalid@warnings",
      "operator-len-invalid@errors",
      "operator-len-invalid@notices",
      "operator-match-invalid@errors.0.message",
      "operator-match-invalid@warnings.0.message",
    ]);
  });

  it("flags whole list entries that lack fields, since they are compared for equality", () => {
    expect(
      expectCodes({
        warnings: { $contains: { code: "requirement-fallback" } },
        "errors.0": { code: "toml-syntax", message: "bad" },
      }),
    ).toEqual(["entry-partial@warnings", "entry-partial@errors.0"]);
    expect(
      expectCodes({
        warnings: { $contains: { code: "requirement-fallback", message: "falling back" } },
        "errors.0": { code: "toml-syntax", layer: "system.requirements", message: "bad" },
      }),
    ).toEqual([]);
  });
});

describe("lint: registered codes", () => {
  it("accepts codes from the spec's registries however they are asserted", () => {
    expect(
      expectCodes({
        "errors.0.code": "toml-syntax",
        "errors.*.code": { $contains: "invalid-type" },
        "warnings.*.code": ["requirement-fallback", "unrecognized-settings"],
        "notices.1.kind": "silent-fallback",
      }),
    ).toEqual([]);
  });

  it("flags error, warning and notice codes the spec does not define", () => {
    expect(
      expectCodes({
        "errors.0.code": "toml-sintax",
        "errors.*.code": { $contains: "bad-type" },
        "warnings.*.code": ["requirement-fallback", "made-up"],
        "notices.0.kind": "fallbck",
        warnings: { $contains: { code: "nope", message: "m" } },
      }),
    ).toEqual([
      "code-unknown@errors.0.code",
      "code-unknown@errors.*.code",
      "code-unknown@warnings.*.code",
      "code-unknown@notices.0.kind",
      "code-unknown@warnings",
    ]);
  });

  it("flags a negative case whose code the spec does not define", () => {
    const over = { negative: { phase: "parse", code: "toml-sintax" } };
    expect(expectCodes({ "errors.0.layer": "system.requirements" }, over)).toEqual([
      "code-unknown@negative.code",
    ]);
  });
});

describe("lint: enum values and probed commands", () => {
  it("flags values outside the Outcome's enums, including command decisions and outcomes", () => {
    expect(
      expectCodes(
        {
          status: "refused",
          "effective.approval_policy": "granular",
          "effective.sandbox_mode": "read_only",
          "effective.web_search": { $contains: "live" },
          "cloud.path": "cached",
          "effective.commands.0.decision": "prompt",
          "effective.commands.0.outcome": "ask",
          "effective.commands.*.decision": ["allow", "deny"],
        },
        probing("git status"),
      ),
    ).toEqual([
      "enum-invalid@effective.sandbox_mode",
      "enum-invalid@cloud.path",
      "enum-invalid@effective.commands.0.outcome",
      "enum-invalid@effective.commands.*.decision",
    ]);
  });

  it("flags command indexes beyond the scenario's probe list, after the test's patch", () => {
    const c = corpusCase({
      ...probing("git status"),
      tests: [
        {
          id: "one",
          expect: { "effective.commands.0.outcome": "run", "effective.commands.1.outcome": "run" },
        },
        {
          id: "two",
          scenario: { probe: { commands: ["ls", "rm -rf /"] } },
          expect: { "effective.commands.1": { $absent: true } },
        },
        { id: "none", scenario: { probe: { commands: [] } }, expect: { "effective.commands.0.rule": null } },
      ],
    });
    expect(codes([c])).toEqual([
      "command-index-out-of-range@tests[0].expect.effective.commands.1.outcome",
      "command-index-out-of-range@tests[2].expect.effective.commands.0.rule",
    ]);
  });

  it("checks expect_by_edition tables like expect tables", () => {
    const c = corpusCase({
      editions: ["codex-0.169", "documented"],
      tests: [
        {
          id: "t1",
          expect: { status: "ok" },
          expect_by_edition: { documented: { "effective.web_search": "open" } },
        },
      ],
    });
    expect(codes([c])).toEqual(["enum-invalid@tests[0].expect_by_edition.documented.effective.web_search"]);
  });
});
