import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CaseSchema,
  checkClass,
  jsonSchema,
  loadScenarioText,
  SCHEMAS,
  ScenarioSchema,
  type SchemaName,
  webSearchAccess,
} from "../src/index.js";

describe("scenario format", () => {
  it("fills defaults for an empty scenario", () => {
    const s = ScenarioSchema.parse({});
    expect(s.host).toEqual({ os: "linux", hostname: "localhost" });
    expect(s.project.trust).toBe("unknown");
    expect(s.identity).toEqual({ auth: "none", groups: [] });
  });
  it("rejects unknown keys and enum values with their path", () => {
    expect(ScenarioSchema.safeParse({ sytem: {} }).success).toBe(false);
    const r = ScenarioSchema.safeParse({ cloud: { cache: "stale" } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["cloud", "cache"]);
  });
  it("locates TOML errors and schema errors in the file", () => {
    const bad = loadScenarioText("[host]\nhostname = box\n", "s.toml");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ code: "toml-syntax", file: "s.toml", line: 2 });
    const wrong = loadScenarioText("[project]\ntrust = 'maybe'\n", "s.toml");
    if (wrong.ok) throw new Error("expected a problem");
    expect(wrong.problems[0]).toMatchObject({ code: "scenario-invalid", line: 2, path: "project.trust" });
  });
  it("carries layer documents verbatim, broken ones included", () => {
    const r = loadScenarioText("[system]\nrequirements = '''\nallowed = [broken\n'''\n", "s.toml");
    expect(r.ok && r.value.system?.requirements).toBe("allowed = [broken\n");
  });
});

describe("case format", () => {
  it("accepts per-edition expectations for one edition only", () => {
    const c = CaseSchema.parse({
      id: "x-y",
      description: "d",
      editions: ["codex-0.169", "documented"],
      evidence: ["oracle-findings.md#a01"],
      scenario: {},
      tests: [{ id: "t", expect: { status: "ok" }, expect_by_edition: { documented: { status: "ok" } } }],
    });
    expect(c.codex).toBe("*");
  });
  it("classifies messages and sources as explanation checks, values as decisions", () => {
    expect(checkClass("effective.sandbox_mode")).toBe("decision");
    expect(checkClass("errors.0.code")).toBe("decision");
    expect(checkClass("warnings.0.message")).toBe("explanation");
    expect(checkClass("requirements.allowed_sandbox_modes.source")).toBe("explanation");
  });
  it("maps web search modes to what the wire shows", () => {
    expect(["disabled", "cached", "indexed", "live"].map(webSearchAccess)).toEqual([
      "none",
      "cached",
      "external",
      "external",
    ]);
  });
});

describe("JSON Schema export", () => {
  it.each(Object.keys(SCHEMAS) as SchemaName[])("schema/%s.schema.json is up to date", (name) => {
    const file = join(import.meta.dirname, "..", "schema", `${name}.schema.json`);
    const onDisk = JSON.parse(readFileSync(file, "utf8"));
    expect(onDisk).toEqual(jsonSchema(name));
    expect(onDisk.$schema).toContain("json-schema.org");
  });
});
