import { readFileSync } from "node:fs";
import { formatProblem, loadScenarioText, type Scenario } from "@codex-policy/spec";
import { UserError } from "./user-error.js";

/** Reads and validates a scenario file, or throws a located UserError (exit 2). */
export function loadScenarioFile(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new UserError(
      `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      2,
      "io",
    );
  }
  const r = loadScenarioText(text, file);
  if (!r.ok) throw new UserError(r.problems.map(formatProblem).join("\n"), 2, r.problems[0]!.code);
  return r.value;
}
