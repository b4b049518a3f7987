import type { OutcomeError } from "@codex-policy/spec";
import type { ConfigLayer } from "../model.js";
import { isTable } from "../toml.js";

/** Fields only one transport accepts, in the order Codex checks them. */
const HTTP_ONLY = ["url", "bearer_token", "bearer_token_env_var", "http_headers", "env_http_headers"];
const STDIO_ONLY = ["args", "env", "env_vars", "cwd"];

/**
 * Where Codex points for a server: its own `[mcp_servers.<name>]` header (column of the `[`), or,
 * when only a sub-table such as `[mcp_servers.<name>.identity]` defines it, the name's column.
 */
function locate(text: string | undefined, name: string): { line: number; column: number } | null {
  if (!text) return null;
  for (const [i, l] of text.split(/\r?\n/).entries()) {
    const idx = l.indexOf(`mcp_servers.${name}`);
    if (idx < 0) continue;
    const rest = l.slice(idx + `mcp_servers.${name}`.length).trimStart();
    const ownHeader = l.trimStart().startsWith("[") && rest.startsWith("]");
    return { line: i + 1, column: ownHeader ? l.indexOf("[") + 1 : idx + "mcp_servers.".length + 1 };
  }
  return null;
}

interface Merged {
  def: Record<string, unknown>;
  /** For each key, the highest layer that set it. */
  from: Map<string, ConfigLayer>;
  last: ConfigLayer;
}

function mergedServers(layers: ConfigLayer[]): Map<string, Merged> {
  const out = new Map<string, Merged>();
  for (const layer of layers) {
    const servers = layer.doc.mcp_servers;
    if (!isTable(servers)) continue;
    for (const [name, def] of Object.entries(servers)) {
      if (!isTable(def)) continue;
      const m: Merged = out.get(name) ?? { def: {}, from: new Map(), last: layer };
      for (const [k, v] of Object.entries(def)) {
        m.def[k] = v;
        m.from.set(k, layer);
      }
      m.last = layer;
      out.set(name, m);
    }
  }
  return out;
}

/** A server whose merged definition Codex cannot read, with the failure it reports. */
export interface TransportProblem {
  /** The layer whose key is at fault (it ranks the problem among the config's other keys). */
  layer: ConfigLayer;
  name: string;
  failure: OutcomeError;
}

/**
 * Every configured MCP server (after merging the config layers) needs one transport: `command`
 * (stdio) or `url` (streamable HTTP), without the other transport's fields. Within one file the
 * error points at the server's table; across files it names the server instead. Codex meets it
 * while reading the config, like any other value it cannot read.
 */
export function mcpTransportProblem(layers: ConfigLayer[]): TransportProblem | null {
  for (const [name, m] of mergedServers(layers)) {
    const stdio = typeof m.def.command === "string";
    const http = !stdio && typeof m.def.url === "string";
    if (!stdio && !http) return { layer: m.last, name, failure: located(m.last, name, "invalid transport") };
    const transport = stdio ? "stdio" : "streamable_http";
    const bad = (stdio ? HTTP_ONLY : STDIO_ONLY).find((k) => m.def[k] !== undefined);
    if (!bad) continue;
    const owner = m.from.get(bad)!;
    const key = m.from.get(stdio ? "command" : "url")!;
    const message = `${bad} is not supported for ${transport}`;
    const failure =
      owner === key
        ? located(owner, name, message)
        : {
            code: "config-invalid",
            layer: owner.layerId,
            message: `${message}\nin \`mcp_servers.${name}\`\n`,
          };
    return { layer: owner, name, failure };
  }
  return null;
}

function located(layer: ConfigLayer, name: string, message: string): OutcomeError {
  const at = locate(layer.text, name);
  return {
    code: "config-invalid",
    layer: layer.layerId,
    message: `${layer.label}${at ? `:${at.line}:${at.column}` : ""}: ${message}`,
    ...(at ?? {}),
  };
}
