import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Scenario, ScenarioSchema } from "@codex-policy/spec";
import { parse } from "smol-toml";
import type { RunPaths } from "../src/map/paths.js";
import type { RawObservations } from "../src/run.js";

const dir = join(import.meta.dirname, "fixtures");

/** Raw observations recorded from codex-cli 0.169.0 (a `-0150` suffix: 0.150.0), trimmed, with the run root renamed. */
export function rawFixture(name: string): RawObservations {
  return JSON.parse(readFileSync(join(dir, `${name}.raw.json`), "utf8")) as RawObservations;
}

export function scenarioFixture(name: string): Scenario {
  return ScenarioSchema.parse(parse(readFileSync(join(dir, `${name}.scenario.toml`), "utf8")));
}

export const FIXTURE_ROOT = "/tmp/codex-policy-run-FIXTURE";
export const FIXTURE_PATHS: RunPaths = {
  root: FIXTURE_ROOT,
  home: `${FIXTURE_ROOT}/home`,
  codexHome: `${FIXTURE_ROOT}/codex-home`,
  project: `${FIXTURE_ROOT}/project`,
};
