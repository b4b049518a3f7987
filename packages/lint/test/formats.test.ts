import { readFileSync } from "node:fs";
import { LATEST_EDITION } from "@codex-policy/spec";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { CODES } from "../src/catalogue.js";
import { github } from "../src/format/github.js";
import { json } from "../src/format/json.js";
import { readable } from "../src/format/readable.js";
import { sarif } from "../src/format/sarif.js";
import { lintPolicies } from "../src/policies.js";
import { targetEditions } from "../src/targets.js";
import { exampleFiles } from "./helpers.js";

const schema = JSON.parse(readFileSync(new URL("fixtures/sarif-schema-2.1.0.json", import.meta.url), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Every catalogue example, linted: findings of every code, suppressed and fixable ones included. */
function everyFinding() {
  return CODES.flatMap((c) => {
    const t = targetEditions(c.example.codex);
    if (!t.ok) throw new Error(t.message);
    return lintPolicies(exampleFiles(c), t.editions).flatMap((l) => l.findings);
  });
}

describe("SARIF", () => {
  const all = everyFinding();
  all[0]!.suppressed = { by: "comment", reason: "accepted" };
  const log = JSON.parse(sarif(all, { toolVersion: "0.1.0" }));

  it("validates against the SARIF 2.1.0 schema", () => {
    const ok = validate(log);
    expect(ajv.errorsText(validate.errors), "schema errors").toBe("No errors");
    expect(ok).toBe(true);
  });

  it("the schema check catches a broken log", () => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = "fatal";
    expect(validate(broken)).toBe(false);
  });

  it("has one rule per code and one located result per finding", () => {
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(CODES.map((c) => c.code));
    expect(run.results).toHaveLength(all.length);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    }
    expect(run.results[0].suppressions).toEqual([{ kind: "inSource", justification: "accepted" }]);
    expect(run.results.some((r: { fixes?: unknown[] }) => r.fixes?.length)).toBe(true);
  });
});

describe("GitHub annotations", () => {
  it("escape data and properties as workflow commands require", () => {
    const [f] = lintPolicies(
      [{ file: "a,b:c%.toml", kind: "requirements", text: '[otel]\nendpoint = "x"\n' }],
      [LATEST_EDITION],
    )[0]!.findings;
    const line = github([{ ...f!, message: "first\nsecond 100%" }]);
    expect(line).toMatch(
      /^::error file=a%2Cb%3Ac%25\.toml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=codex-policy unknown-field::first%0Asecond 100%25\n$/,
    );
  });
  it("map notes to notices and leave suppressed findings out", () => {
    const found = lintPolicies(
      [
        {
          file: "r.toml",
          kind: "requirements",
          text: 'allowed_approval_policies = ["untrusted", "never"]\n',
        },
      ],
      [LATEST_EDITION],
    )[0]!.findings;
    expect(github(found)).toContain("::notice ");
    expect(github(found.map((f) => ({ ...f, suppressed: { by: "baseline" as const } })))).toBe("");
  });
});

describe("readable and JSON", () => {
  const found = lintPolicies(
    [{ file: "r.toml", kind: "requirements", text: "allowed_login_methods = []\n[mcp_servers]\n" }],
    [LATEST_EDITION],
  )[0]!.findings;
  it("readable: file:line:col, severity, code, message; a summary; no colour when asked", () => {
    const out = readable(found, { colour: false, files: 1 });
    expect(out).toMatch(/^r\.toml:2:1 {2}warning {2}mcp-servers-empty {2}/m);
    expect(out).not.toContain("\u001b[");
    expect(out.trimEnd().split("\n").at(-1)).toMatch(/^1 file linted: \d+ errors?, 1 warning, 0 notes$/);
    expect(readable(found, { colour: true, files: 1 })).toContain("\u001b[33mwarning");
  });
  it("JSON carries every finding and a summary", () => {
    const out = JSON.parse(json(found, { targets: [LATEST_EDITION], files: 1 }));
    expect(out.findings).toHaveLength(found.length);
    expect(out.summary.warnings).toBe(found.filter((f) => f.severity === "warning").length);
  });
});
