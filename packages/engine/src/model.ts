import type { LayerId, Notice, OutcomeError, OutcomeWarning } from "@codex-policy/spec";
import type { RequirementLayerKind } from "./editions.js";
import type { TomlTable } from "./toml.js";

/** One parsed requirements layer. */
export interface RequirementLayer {
  kind: RequirementLayerKind;
  /** Outcome source id: system | legacy | mdm | cloud | cloud:<rule>. */
  source: string;
  /** How Codex names the layer in messages, e.g. `/etc/codex/requirements.toml`. */
  label: string;
  /** Where in the scenario the text lives. */
  layerId: LayerId;
  doc: TomlTable;
  /** The document as written, for locating errors. */
  text?: string;
}

export type ConfigLayerKind =
  | "system"
  | "user"
  | "profile"
  | "project"
  | "session"
  | "cloud-config"
  | "mdm-config"
  | "legacy";

/** One parsed config layer, lowest precedence first in a stack. */
export interface ConfigLayer {
  kind: ConfigLayerKind;
  /** Display text, e.g. `/etc/codex/managed_config.toml` or `~/.codex/config.toml`. */
  label: string;
  layerId: LayerId;
  doc: TomlTable;
  /** The document as written, for locating errors. */
  text?: string;
  /** Loaded only when a thread starts (an unknown-trust project), so `codex mcp list` does not see it. */
  threadOnly?: boolean;
  /** A `[features]` table left out of `doc` because it does not apply (it still draws deprecation notices). */
  ignoredFeatures?: TomlTable;
}

/** A composed requirements field with its provenance. */
export interface ComposedField {
  value: unknown;
  /** Highest contributing layer. */
  layer: RequirementLayer;
  /** Every contributing layer, highest first. */
  layers: RequirementLayer[];
}

/** A managed prefix rule carried with the layer that delivered it. */
export interface SourcedRule {
  rule: unknown;
  layer: RequirementLayer;
}

export interface ComposedRequirements {
  fields: Record<string, ComposedField>;
  /** `[rules] prefix_rules`, concatenated highest layer first (codex-0.169) or first writer (documented). */
  rules: SourcedRule[] | null;
  /** Whether any requirements source exists at all. */
  present: boolean;
}

/** Diagnostics collected while resolving. */
export class Diagnostics {
  readonly warnings: OutcomeWarning[] = [];
  readonly notices: Notice[] = [];
  readonly errors: OutcomeError[] = [];
  warn(code: string, message: string): void {
    this.warnings.push({ code, message });
  }
  notice(n: Notice): void {
    this.notices.push(n);
  }
  fail(e: OutcomeError): void {
    this.errors.push(e);
  }
  get failed(): boolean {
    return this.errors.length > 0;
  }
}
