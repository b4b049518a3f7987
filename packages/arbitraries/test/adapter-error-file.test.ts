import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadScenarioText, ScenarioSchema } from "@codex-policy/spec";
import { afterEach, describe, expect, it } from "vitest";
import { writeAdapterErrorScenario } from "../src/case-file.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("a scenario the adapter could not observe", () => {
  it("is written as a scenario file that loads back to the same scenario, the message as comments", () => {
    const dir = mkdtempSync(join(tmpdir(), "adapter-errors-"));
    dirs.push(dir);
    const scenario = ScenarioSchema.parse({
      system: { requirements: 'allowed_approval_policies = ["on-request"]\n' },
      user: { config: 'approval_policy = "never"\n' },
      project: { trust: "trusted", config: 'web_search = "live"\n' },
      session: { overrides: ['sandbox_mode="read-only"'] },
    });
    const file = writeAdapterErrorScenario(scenario, "thread/start gave no result:\nnull", dir);
    expect(file.startsWith(join(dir, "adapter-error-"))).toBe(true);
    const text = readFileSync(file, "utf8");
    expect(text.split("\n").slice(0, 3)).toEqual([
      "# The adapter could not observe this scenario:",
      "# thread/start gave no result:",
      "# null",
    ]);
    const loaded = loadScenarioText(text, file);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.value).toEqual(scenario);
    // the same scenario lands in the same file
    expect(writeAdapterErrorScenario(scenario, "again", dir)).toBe(file);
  });
});
