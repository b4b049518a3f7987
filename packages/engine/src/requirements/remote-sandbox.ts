import type { RequirementLayer } from "../model.js";
import { isTable, type TomlTable } from "../toml.js";
import { globMatches } from "./hostname.js";

export interface RemoteEntryTrace {
  index: number;
  patterns: string[];
  matched: boolean;
  modes: unknown;
}

export interface RemoteSandboxTrace {
  source: string;
  layerId: string;
  host: string;
  entries: RemoteEntryTrace[];
  /** Index of the entry that replaced the layer's list, or null. */
  applied: number | null;
  replaced: unknown;
}

/**
 * Applies `remote_sandbox_config` inside one layer: the first entry with a matching
 * pattern replaces that layer's `allowed_sandbox_modes`. The key is then removed.
 */
export function applyRemoteSandbox(
  layer: RequirementLayer,
  host: string,
): { doc: TomlTable; trace?: RemoteSandboxTrace } {
  const entries = layer.doc.remote_sandbox_config;
  if (!Array.isArray(entries)) return { doc: layer.doc };
  const { remote_sandbox_config: _drop, ...rest } = layer.doc;
  const trace: RemoteSandboxTrace = {
    source: layer.source,
    layerId: layer.layerId,
    host,
    entries: [],
    applied: null,
    replaced: layer.doc.allowed_sandbox_modes,
  };
  entries.forEach((entry, index) => {
    if (!isTable(entry)) return;
    const patterns = Array.isArray(entry.hostname_patterns) ? entry.hostname_patterns.map(String) : [];
    const matched = trace.applied === null && patterns.some((p) => globMatches(p, host));
    trace.entries.push({ index, patterns, matched, modes: entry.allowed_sandbox_modes });
    if (matched) trace.applied = index;
  });
  if (trace.applied === null) return { doc: rest, trace };
  const winner = entries[trace.applied] as TomlTable;
  return { doc: { ...rest, allowed_sandbox_modes: winner.allowed_sandbox_modes }, trace };
}
