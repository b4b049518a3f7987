import { type Edition, type Outcome, type ScenarioInput, ScenarioSchema } from "@codex-policy/spec";
import { resolve } from "../src/index.js";

export const REQ = "/etc/codex/requirements.toml";

/** Resolves a scenario written as a plain object. */
export function run(input: ScenarioInput, edition: Edition = "codex-0.169"): Outcome {
  return resolve(ScenarioSchema.parse(input), edition);
}

export const req = (requirements: string, extra: ScenarioInput = {}): ScenarioInput => ({
  ...extra,
  system: { ...(extra.system ?? {}), requirements },
});

export const warningMessages = (o: Outcome) => o.warnings.map((w) => w.message);
