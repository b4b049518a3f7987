import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Case, CaseSchema, type Edition } from "@codex-policy/spec";
import { sampleOutcome, tempDirs } from "@codex-policy/spec/testing";
import { afterAll } from "vitest";
import { InProcessAdapter } from "../src/adapters/in-process.js";
import { CAPABILITIES } from "../src/capabilities.js";

const dirs = tempDirs("harness-test-");
// Registered while the importing test file is collected, so it runs after that file's tests.
afterAll(dirs.removeAll);

/** Writes `files` (relative path → text) into a fresh temporary directory. */
export function tempTree(files: Record<string, string>): string {
  const root = dirs.make();
  for (const [rel, text] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return root;
}

export function makeCase(over: Record<string, unknown> = {}): Case {
  return CaseSchema.parse({
    id: "demo",
    description: "a demo case",
    editions: ["codex-0.169"],
    evidence: ["spec-from-source.md#demo"],
    scenario: {},
    tests: [{ id: "t1", expect: { "effective.approval_policy": "on-request" } }],
    ...over,
  });
}

export const outcome = sampleOutcome;

/** A fake in-process implementation built from a function. */
export function fakeAdapter(
  fn: (s: unknown, e: Edition) => unknown,
  info: { capabilities?: string[]; editions?: Edition[]; unobservable?: string[] } = {},
): InProcessAdapter {
  return new InProcessAdapter({
    info: {
      name: "fake",
      version: "1.2.3",
      capabilities: info.capabilities ?? [...CAPABILITIES],
      editions: info.editions ?? ["codex-0.169", "documented"],
      unobservable: info.unobservable,
    },
    resolve: (s, e) => fn(s, e),
  });
}
