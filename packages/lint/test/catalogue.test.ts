import { readFileSync } from "node:fs";
import { ERROR_CODES } from "@codex-policy/spec";
import { describe, expect, it } from "vitest";
import { CODES } from "../src/catalogue.js";
import { lintPolicies } from "../src/policies.js";
import { targetEditions } from "../src/targets.js";
import { exampleFiles } from "./helpers.js";

const docsDir = new URL("../../../docs/lint/", import.meta.url);

describe("every lint code", () => {
  it.each(CODES.map((c) => [c.code, c] as const))(
    "%s: its example draws it, located in the example's file",
    (code, entry) => {
      const targets = targetEditions(entry.example.codex);
      if (!targets.ok) throw new Error(targets.message);
      const files = exampleFiles(entry);
      const linted = lintPolicies(files, targets.editions);
      const own = linted[0]!.findings.filter((f) => f.code === code);
      expect(own.length, JSON.stringify(linted.map((l) => l.findings.map((f) => f.code)))).toBeGreaterThan(0);
      const lines = entry.example.text.split("\n").length;
      for (const f of own) {
        expect(f.file).toBe(files[0]!.file);
        expect(f.span.line).toBeGreaterThanOrEqual(1);
        expect(f.span.line).toBeLessThanOrEqual(lines);
        expect(f.message.length).toBeGreaterThan(10);
      }
    },
  );

  it.each(CODES.map((c) => [c.code] as const))("%s has a docs page", (code) => {
    const page = readFileSync(new URL(`${code}.md`, docsDir), "utf8");
    expect(page).toContain(`# ${code}`);
  });

  it("codes are unique and kebab-case; codes named like engine errors are the engine's", () => {
    const codes = CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const engine = Object.keys(ERROR_CODES);
    for (const c of CODES.filter((x) => engine.includes(x.code))) expect(c.severity).toBe("error");
  });
});

describe("docs/lint", () => {
  it("is generated from the catalogue and current (pnpm docs:lint)", async () => {
    const { readdirSync } = await import("node:fs");
    const { lintDocPages } = await import("../src/docs.js");
    const pages = lintDocPages();
    expect(readdirSync(docsDir).sort()).toEqual([...pages.keys()].sort());
    for (const [name, text] of pages) expect(readFileSync(new URL(name, docsDir), "utf8"), name).toBe(text);
  });
});
