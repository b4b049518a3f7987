import { readFileSync, writeFileSync } from "node:fs";
import type { Scenario } from "@codex-policy/spec";
import { parseScenarioText, serializeScenario } from "./scenario-file.js";

export type FileLoad = { ok: true; scenario: Scenario } | { ok: false; message: string };

export function loadScenarioFile(path: string): FileLoad {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return {
      ok: false,
      message: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    };
  }
  return parseScenarioText(text, path);
}

export function saveScenarioFile(
  path: string,
  scenario: Scenario,
): { ok: true } | { ok: false; message: string } {
  try {
    writeFileSync(path, serializeScenario(scenario));
    return { ok: true };
  } catch (e) {
    return {
      ok: false,
      message: `cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    };
  }
}
