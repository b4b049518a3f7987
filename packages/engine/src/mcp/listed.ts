import type { FeatureState, McpServerState } from "@codex-policy/spec";
import { featureEnabled } from "../areas.js";
import type { ComposedField, ConfigLayer, Diagnostics } from "../model.js";
import { mcpStage } from "../stages.js";

export interface ListedInput {
  /** The config layers, lowest precedence first. */
  layers: ConfigLayer[];
  allowlist: ComposedField | undefined;
  features: Record<string, FeatureState>;
  /** The project is untrusted and the release loads its config anyway (0.120 to 0.124). */
  leakedProject: boolean;
  /** The release lists its own apps server when the `apps` feature is on (0.110 to 0.113). */
  appsServerListed: boolean;
}

/**
 * The MCP servers `codex mcp list` shows. It loads config without a thread, so a thread-only
 * project layer adds no servers; nor does the untrusted project 0.120-0.124 load anyway (binary
 * 0.120.0). 0.110 to 0.113 add Codex's own apps server (`codex_apps`, over HTTP) whenever the
 * `apps` feature is on, which the allowlist does not touch (binary 0.110.0-0.113.0).
 */
export function listedMcpServers(input: ListedInput, diag: Diagnostics): Record<string, McpServerState> {
  const layers = input.layers.filter((l) => !l.threadOnly && !(input.leakedProject && l.kind === "project"));
  const servers = mcpStage(layers, input.allowlist, diag);
  if (!input.appsServerListed || !featureEnabled(input.features, "apps")) return servers;
  return { ...servers, codex_apps: { enabled: true, reason: null, origin: "codex", transport: "http" } };
}
