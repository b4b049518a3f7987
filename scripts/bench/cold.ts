// `pnpm bench cold`: how far a fully cold resolution is from parsing its TOML (issue 17). For the
// README example and the heavy scenario: warm, stage-cold and fully cold rates, the smol-toml parse
// rate of exactly the same texts, their ratio and the heap.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { resolve } from "@codex-policy/engine";
import { type Scenario, ScenarioSchema } from "@codex-policy/spec";
import { parse } from "smol-toml";
import { heavyScenario } from "./heavy-scenario.js";

export interface ColdRow {
  name: string;
  layers: number;
  bytes: number;
  warm: number;
  stageCold: number;
  fullyCold: number;
  parse: number;
  /** parse rate / fully cold rate: how many parses a cold resolution costs. */
  ratio: number;
  heapMiB: number;
}

/** Every TOML text a scenario carries, in a fixed order. */
function texts(s: Scenario): string[] {
  const out: string[] = [];
  const add = (t: string | undefined) => {
    if (typeof t === "string") out.push(t);
  };
  add(s.system?.requirements);
  add(s.system?.managed_config);
  add(s.system?.config);
  add(s.user?.config);
  add(s.project.config);
  add(s.cloud?.default);
  add(s.cloud?.config);
  for (const r of s.cloud?.rules ?? []) add(r.requirements);
  return out;
}

/** The scenario with a comment naming `n` at the end of every text: new texts, same meaning. */
function coldVariant(s: Scenario, n: number): Scenario {
  const tag = (t: string | undefined) => (typeof t === "string" ? `${t}\n# ${n}\n` : t);
  return {
    ...s,
    ...(s.system
      ? {
          system: {
            ...s.system,
            requirements: tag(s.system.requirements),
            managed_config: tag(s.system.managed_config),
            config: tag(s.system.config),
          },
        }
      : {}),
    ...(s.user ? { user: { ...s.user, config: tag(s.user.config) } } : {}),
    project: { ...s.project, config: tag(s.project.config) },
    ...(s.cloud
      ? {
          cloud: {
            ...s.cloud,
            default: tag(s.cloud.default),
            config: tag(s.cloud.config),
            rules: s.cloud.rules.map((r) => ({ ...r, requirements: tag(r.requirements)! })),
          },
        }
      : {}),
  } as Scenario;
}

function rate(seconds: number, step: (n: number) => void): number {
  for (let i = 0; i < 100; i++) step(i);
  let n = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < deadline) step(1_000_000 + n++);
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

function row(name: string, s: Scenario, seconds: number): ColdRow {
  const edition = "codex-0.169";
  const warm = rate(seconds, () => resolve(s, edition));
  const stageCold = rate(seconds, (n) =>
    resolve({ ...s, host: { ...s.host, fqdn: `box${n}.devbox.example.com` } }, edition),
  );
  const fullyCold = rate(seconds, (n) => resolve(coldVariant(s, n), edition));
  const parseRate = rate(seconds, (n) => {
    for (const t of texts(coldVariant(s, n))) parse(t);
  });
  const all = texts(s);
  return {
    name,
    layers: all.length,
    bytes: all.reduce((b, t) => b + Buffer.byteLength(t), 0),
    warm,
    stageCold,
    fullyCold,
    parse: parseRate,
    ratio: parseRate / fullyCold,
    heapMiB: process.memoryUsage().heapUsed / 2 ** 20,
  };
}

export function benchCold(seconds = 2): ColdRow[] {
  const example = parse(
    readFileSync(join(import.meta.dirname, "..", "..", "examples", "contractor-devbox.toml"), "utf8"),
  );
  return [
    row("README example (examples/contractor-devbox.toml)", ScenarioSchema.parse(example), seconds),
    row("heavy scenario", heavyScenario(), seconds),
  ];
}
