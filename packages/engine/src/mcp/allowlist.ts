import type { McpServerState, OutcomeError } from "@codex-policy/spec";
import { fieldLabel } from "../features/source-label.js";
import type { ComposedField, ConfigLayer, Diagnostics } from "../model.js";
import { deepMerge, isTable, type TomlTable } from "../toml.js";
import { compileMatcher, type McpIdentity, parseIdentity } from "./identity.js";

export interface McpInput {
  /** Lowest precedence first. */
  configLayers: ConfigLayer[];
  allowlist: ComposedField | undefined;
}

interface Configured {
  def: TomlTable;
  origin: string;
}

function configuredServers(layers: ConfigLayer[]): Map<string, Configured> {
  let merged: TomlTable = {};
  const origin = new Map<string, string>();
  for (const layer of Array.isArray(layers) ? layers : []) {
    const t = isTable(layer?.doc) ? layer.doc.mcp_servers : undefined;
    if (!isTable(t)) continue;
    merged = deepMerge(merged, t);
    for (const name of Object.keys(t)) origin.set(name, String(layer.kind));
  }
  const out = new Map<string, Configured>();
  for (const [name, def] of Object.entries(merged)) {
    if (isTable(def)) out.set(name, { def, origin: origin.get(name) ?? "user" });
  }
  return out;
}

/** Why an identity's matchers cannot be compiled, or null when they can. */
function matcherError(id: McpIdentity): string | null {
  if (id.kind === "url-matcher") {
    const f = compileMatcher(id.matcher);
    return typeof f === "function" ? null : f.error;
  }
  if (id.kind === "command-matcher") {
    for (const [i, m] of id.args.entries()) {
      const f = compileMatcher(m);
      if (typeof f !== "function") return `invalid argument matcher at index ${i}: ${f.error}`;
    }
  }
  return null;
}

/** Codex compiles every allowlist matcher when it loads requirements; a bad one stops it. */
export function checkMcpAllowlist(allow: ComposedField | undefined): OutcomeError | null {
  if (!allow || !isTable(allow.value)) return null;
  for (const [name, entry] of Object.entries(allow.value)) {
    const id = isTable(entry) ? parseIdentity(entry.identity) : null;
    const error = id ? matcherError(id) : null;
    if (error) {
      return {
        code: "mcp-identity-invalid",
        layer: allow.layer.layerId,
        message: `invalid requirement for MCP server \`${name}\` (set by ${fieldLabel(allow)}): ${error}`,
      };
    }
  }
  return null;
}

function identityMatches(id: McpIdentity, def: TomlTable): boolean {
  const command = typeof def.command === "string" ? def.command : undefined;
  const url = command === undefined && typeof def.url === "string" ? def.url : undefined;
  switch (id.kind) {
    case "command":
      return command !== undefined && command === id.command;
    case "url":
      return url !== undefined && url === id.url;
    case "url-matcher": {
      const f = compileMatcher(id.matcher);
      return typeof f === "function" && url !== undefined && f(url);
    }
    case "command-matcher": {
      const fs = id.args.map(compileMatcher);
      if (command === undefined || command !== id.executable) return false;
      const args = Array.isArray(def.args) ? def.args : [];
      return (
        args.length === fs.length &&
        args.every((a, i) => {
          const f = fs[i];
          return typeof a === "string" && typeof f === "function" && f(a);
        })
      );
    }
  }
}

/**
 * Applies the `[mcp_servers]` allowlist to every configured server. A server is allowed when
 * its name is listed and its identity matches (exact strings; args ignored by the plain
 * command form). Requirements never enable a server the user disabled.
 */
export function applyMcpAllowlist(input: McpInput, diag: Diagnostics): Record<string, McpServerState> {
  const servers = configuredServers(input?.configLayers);
  const allow = input?.allowlist;
  const list = allow && isTable(allow.value) ? allow.value : undefined;
  const reason = allow ? `requirements (${fieldLabel(allow)})` : null;
  const out: Record<string, McpServerState> = {};
  for (const [name, { def, origin }] of servers) {
    const transport: McpServerState["transport"] =
      typeof def.command === "string" ? "stdio" : typeof def.url === "string" ? "http" : undefined;
    const userEnabled = def.enabled !== false;
    const base: Pick<McpServerState, "origin" | "transport"> = {
      origin,
      ...(transport ? { transport } : {}),
    };
    if (!list) {
      out[name] = { enabled: userEnabled, reason: null, ...base };
      continue;
    }
    const entry = Object.hasOwn(list, name) ? list[name] : undefined;
    const id = isTable(entry) ? parseIdentity(entry.identity) : null;
    const allowed = id ? identityMatches(id, def) : false;
    if (allowed) {
      out[name] = { enabled: userEnabled, reason: null, ...base };
    } else {
      out[name] = { enabled: false, reason, ...base };
      diag.notice({
        kind: "mcp-disabled",
        field: `mcp_servers.${name}`,
        configured: userEnabled,
        effective: false,
        source: allow!.layer.source,
        message: `MCP server \`${name}\` is disabled: ${
          entry === undefined ? "it is not in the allowlist" : "its identity does not match the allowlist"
        } (${reason}).`,
      });
    }
  }
  return out;
}
