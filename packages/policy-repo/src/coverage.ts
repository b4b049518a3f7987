import { type Decided, resolve, type Trace } from "@codex-policy/engine";
import { instanceId, type TestInstance } from "@codex-policy/harness";
import type { Edition, Outcome, Scenario } from "@codex-policy/spec";
import { parse } from "smol-toml";
import { type CoverageItem, coverageItems } from "./items.js";
import type { PolicyFile } from "./load.js";

export interface ItemCoverage extends CoverageItem {
  /** The tests (`case:test`) in which the engine's trace says this entry decided something. */
  decidedBy: string[];
}

export interface FileCoverage {
  file: string;
  /** How tests use the file (requirements, cloud, …); empty when no test points at it. */
  kinds: string[];
  /** Tests that load the file. */
  usedBy: number;
  parseError?: string;
  items: ItemCoverage[];
}

export interface Coverage {
  files: FileCoverage[];
  items: number;
  decided: number;
  /** decided / items × 100, one decimal; 100 when there is nothing to cover. */
  percent: number;
}

export type Resolver = (scenario: Scenario, edition: Edition) => Outcome;

const decode = (b64: string | undefined) =>
  b64 === undefined ? undefined : Buffer.from(b64, "base64").toString("utf8");

/** The document text behind each requirement layer id the engine names, as the scenario carries it. */
function layerTexts(s: Scenario): Map<string, string> {
  const out = new Map<string, string>();
  const put = (id: string, text: string | undefined) => {
    if (typeof text === "string") out.set(id, text);
  };
  put("system.requirements", s.system?.requirements);
  put("system.managed_config", s.system?.managed_config);
  put("mdm.requirements", decode(s.mdm?.requirements_toml_base64));
  put("mdm.config", decode(s.mdm?.config_toml_base64));
  put("cloud.default", s.cloud?.default);
  for (const [i, r] of (s.cloud?.rules ?? []).entries()) put(`cloud.rules.${i}`, r.requirements);
  return out;
}

/** A cloud policy file's group rules as names and groups, to recognise it in a scenario. */
function cloudShape(p: PolicyFile): string | null {
  try {
    const doc = parse(p.text) as { rules?: { name?: unknown; groups?: unknown }[] };
    return JSON.stringify((doc.rules ?? []).map((r) => [r.name, r.groups ?? []]));
  } catch {
    return null;
  }
}

/**
 * Policy coverage: which rules of the repository's policy files decided at least one test. Each
 * test is resolved on the reference engine and its trace (`trace.decided`) names the entries; the
 * entries are mapped back to the files whose text the test's layers carry.
 */
export function policyCoverage(
  policies: readonly PolicyFile[],
  instances: readonly TestInstance[],
  resolveOutcome: Resolver = resolve,
): Coverage {
  const byText = new Map<string, PolicyFile[]>();
  const byCloudShape = new Map<string, PolicyFile[]>();
  for (const p of policies) {
    byText.set(p.text, [...(byText.get(p.text) ?? []), p]);
    if (p.kinds.includes("cloud")) {
      const shape = cloudShape(p);
      if (shape !== null) byCloudShape.set(shape, [...(byCloudShape.get(shape) ?? []), p]);
    }
  }
  const files = new Map<string, FileCoverage>();
  const itemIndex = new Map<string, ItemCoverage>();
  for (const p of policies) {
    const { items, parseError } = coverageItems(p);
    const withTests = items.map((i) => ({ ...i, decidedBy: [] as string[] }));
    for (const i of withTests) itemIndex.set(`${p.file}\u0000${JSON.stringify(i.decides)}`, i);
    files.set(p.file, {
      file: p.file,
      kinds: p.kinds,
      usedBy: 0,
      ...(parseError !== undefined ? { parseError } : {}),
      items: withTests,
    });
  }

  for (const t of instances) {
    const id = instanceId(t);
    const texts = layerTexts(t.scenario);
    const cloudFiles = t.scenario.cloud
      ? (byCloudShape.get(JSON.stringify(t.scenario.cloud.rules.map((r) => [r.name, r.groups]))) ?? [])
      : [];
    const used = new Set<string>(cloudFiles.map((p) => p.file));
    for (const text of texts.values()) for (const p of byText.get(text) ?? []) used.add(p.file);
    for (const f of used) files.get(f)!.usedBy++;

    const trace = resolveOutcome(t.scenario, t.edition).trace as Trace | undefined;
    for (const d of trace?.decided ?? ([] as Decided[])) {
      const owners =
        d.layerId === "cloud" ? cloudFiles : (byText.get(texts.get(d.layerId) ?? "\u0000") ?? []);
      for (const p of owners) {
        const item = itemIndex.get(`${p.file}\u0000${JSON.stringify(d.path)}`);
        if (item && !item.decidedBy.includes(id)) item.decidedBy.push(id);
      }
    }
  }
  const all = [...files.values()].flatMap((f) => f.items);
  const decided = all.filter((i) => i.decidedBy.length > 0).length;
  return {
    files: [...files.values()],
    items: all.length,
    decided,
    percent: all.length === 0 ? 100 : Math.floor((decided / all.length) * 1000) / 10,
  };
}
