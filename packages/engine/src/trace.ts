import type { CloudReport } from "@codex-policy/spec";
import type { GroupRuleVerdict } from "./cloud/select.js";
import type { Decided } from "./decided.js";
import type { RequirementLayer } from "./model.js";
import type { RemoteSandboxTrace } from "./requirements/remote-sandbox.js";

export interface FieldSetting {
  source: string;
  label: string;
  value: unknown;
}

export interface Trace {
  /** Name used for remote_sandbox_config matching. */
  host: string;
  /** Requirement layers, lowest precedence first. */
  layers: { kind: string; source: string; label: string }[];
  /** For each top-level field, every layer that set it, highest precedence first. */
  fields: Record<string, FieldSetting[]>;
  remoteSandbox: RemoteSandboxTrace[];
  cloud: CloudReport;
  /** Cloud group rules in order: whether each matched the identity's groups, and why. */
  groupRules: GroupRuleVerdict[];
  /** Composed requirement fields Codex enforces without reporting them (the MCP allowlist, profiles…). */
  unreported: Record<string, { value: unknown; sources: string[] }>;
  /** Requirement entries and cloud group rules that decided the Outcome (empty on a refusal). */
  decided: Decided[];
}

/** Explanation data for reports and the TUI: who set what, and what did not match. */
export function buildTrace(
  groupRules: GroupRuleVerdict[],
  layers: RequirementLayer[],
  host: string,
  cloud: CloudReport,
  remote: RemoteSandboxTrace[] = [],
  unreported: Trace["unreported"] = {},
  decided: Decided[] = [],
): Trace {
  const fields: Record<string, FieldSetting[]> = {};
  for (const layer of [...layers].reverse()) {
    for (const [key, value] of Object.entries(layer.doc)) {
      const k = key === "feature_requirements" ? "features" : key;
      const list = fields[k] ?? [];
      list.push({ source: layer.source, label: layer.label, value });
      fields[k] = list;
    }
  }
  return {
    host,
    layers: layers.map((l) => ({ kind: l.kind, source: l.source, label: l.label })),
    fields,
    remoteSandbox: remote,
    cloud,
    groupRules,
    unreported,
    decided,
  };
}
