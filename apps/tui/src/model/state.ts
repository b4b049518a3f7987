import type { Edition, Scenario } from "@codex-policy/spec";
import { DEFAULT_EDITION } from "@codex-policy/spec";
import { FIXED_LAYER_KINDS, type Layer } from "./layers.js";

export type PaneId = "layers" | "context" | "result";
export const PANES: readonly PaneId[] = ["layers", "context", "result"];

export interface ContextState {
  os: Scenario["host"]["os"];
  hostname: string;
  /** null when absent (distinct from an empty string in a loaded scenario). */
  fqdn: string | null;
  auth: Scenario["identity"]["auth"];
  plan: NonNullable<Scenario["identity"]["plan"]> | "";
  user: string | null;
  account: string | null;
  groups: string[];
  cache: NonNullable<Scenario["cloud"]>["cache"];
  fetch: NonNullable<Scenario["cloud"]>["fetch"];
  trust: Scenario["project"]["trust"];
  probes: string[];
}

/** What a text prompt writes to when submitted. */
export type PromptTarget =
  | { kind: "context"; field: "hostname" | "fqdn" | "user" | "account" }
  | { kind: "add-item"; list: "groups" | "probes" }
  | { kind: "rule-groups"; key: string }
  | { kind: "rule-name"; key: string }
  | { kind: "add-rule" }
  | { kind: "edition" }
  | { kind: "save" };

export interface EditorBuffer {
  layerKey: string;
  lines: string[];
  row: number;
  col: number;
}

export type Overlay =
  | { kind: "help" }
  | { kind: "explain"; rowId: string; scroll: number }
  | { kind: "compare"; scroll: number; onlyDiffs: boolean }
  | { kind: "releases"; scroll: number }
  | { kind: "gallery"; cursor: number }
  /** `fresh`: the value is the pre-filled current one; the first typed character replaces it. */
  | { kind: "prompt"; title: string; value: string; target: PromptTarget; fresh?: boolean }
  | { kind: "editor"; buffer: EditorBuffer };

export interface State {
  layers: Layer[];
  context: ContextState;
  edition: Edition;
  description: string | null;
  /** The scenario had a `[cloud]` table even without any cloud layer (cache/fetch only). */
  cloudSection: boolean;
  focus: PaneId;
  cursor: Record<PaneId, number>;
  overlay: Overlay | null;
  file: string | null;
  dirty: boolean;
  status: string;
  /** Counter for stable group-rule keys. */
  nextRuleId: number;
}

function decodeMdm(b64: string | undefined): { text: string; raw: boolean } {
  if (b64 === undefined) return { text: "", raw: false };
  const compact = b64.replace(/\s+/g, "");
  const buf = Buffer.from(compact, "base64");
  const text = buf.toString("utf8");
  const clean = Buffer.from(text, "utf8").toString("base64") === compact && !text.includes("\uFFFD");
  return clean ? { text, raw: false } : { text: b64, raw: true };
}

/** Session overrides are edited as a small TOML document with the scenario's `[session]` keys. */
export function sessionToText(session: Scenario["session"]): string {
  const lines: string[] = [];
  if (session.profile !== undefined) lines.push(`profile = ${JSON.stringify(session.profile)}`);
  lines.push(`overrides = [${session.overrides.map((o) => JSON.stringify(o)).join(", ")}]`);
  lines.push(`enable = [${session.enable.map((o) => JSON.stringify(o)).join(", ")}]`);
  lines.push(`disable = [${session.disable.map((o) => JSON.stringify(o)).join(", ")}]`);
  if (session.thread) {
    lines.push("", "[thread]");
    for (const [k, v] of Object.entries(session.thread)) {
      if (v !== undefined) lines.push(`${k} = ${JSON.stringify(v)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function sessionIsEmpty(s: Scenario["session"]): boolean {
  return !s.profile && !s.thread && s.overrides.length + s.enable.length + s.disable.length === 0;
}

export function stateFromScenario(scenario: Scenario, file: string | null = null): State {
  const layers: Layer[] = [];
  const rules = scenario.cloud?.rules ?? [];
  rules.forEach((r, i) => {
    layers.push({
      key: `cloud.rule#${i}`,
      kind: "cloud.rule",
      enabled: true,
      text: r.requirements,
      name: r.name,
      groups: [...r.groups],
    });
  });
  const mdmReq = decodeMdm(scenario.mdm?.requirements_toml_base64);
  const mdmCfg = decodeMdm(scenario.mdm?.config_toml_base64);
  const present: Record<(typeof FIXED_LAYER_KINDS)[number], { text: string | undefined; raw?: boolean }> = {
    "cloud.default": { text: scenario.cloud?.default },
    "cloud.config": { text: scenario.cloud?.config },
    "mdm.requirements": {
      text: scenario.mdm?.requirements_toml_base64 === undefined ? undefined : mdmReq.text,
      raw: mdmReq.raw,
    },
    "mdm.config": {
      text: scenario.mdm?.config_toml_base64 === undefined ? undefined : mdmCfg.text,
      raw: mdmCfg.raw,
    },
    "system.requirements": { text: scenario.system?.requirements },
    "system.managed_config": { text: scenario.system?.managed_config },
    "system.config": { text: scenario.system?.config },
    "user.config": { text: scenario.user?.config },
    "user.rules": { text: scenario.user?.rules },
    "user.hooks": { text: scenario.user?.hooks_json },
    "project.config": { text: scenario.project.config },
    session: { text: sessionIsEmpty(scenario.session) ? undefined : sessionToText(scenario.session) },
  };
  for (const kind of FIXED_LAYER_KINDS) {
    const p = present[kind];
    const layer: Layer = {
      key: kind,
      kind,
      enabled: p.text !== undefined,
      text: p.text ?? (kind === "session" ? sessionToText(scenario.session) : ""),
    };
    if (p.raw) layer.rawBase64 = true;
    layers.push(layer);
  }
  return {
    layers,
    context: {
      os: scenario.host.os,
      hostname: scenario.host.hostname,
      fqdn: scenario.host.fqdn ?? null,
      auth: scenario.identity.auth,
      plan: scenario.identity.plan ?? "",
      user: scenario.identity.user ?? null,
      account: scenario.identity.account ?? null,
      groups: [...scenario.identity.groups],
      cache: scenario.cloud?.cache ?? "missing",
      fetch: scenario.cloud?.fetch ?? "ok",
      trust: scenario.project.trust,
      probes: [...scenario.probe.commands],
    },
    edition: scenario.edition ?? DEFAULT_EDITION,
    description: scenario.description ?? null,
    cloudSection: scenario.cloud !== undefined,
    focus: "layers",
    cursor: { layers: 0, context: 0, result: 0 },
    overlay: null,
    file,
    dirty: false,
    status: file ? `opened ${file}` : "blank scenario",
    nextRuleId: rules.length,
  };
}
