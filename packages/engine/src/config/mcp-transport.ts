import type { ConfigLayer, Diagnostics } from "../model.js";
import { isTable } from "../toml.js";

/** 1-based line and column of a server's name in the layer text, when it can be found. */
function locate(text: string | undefined, name: string): { line: number; column: number } | null {
  if (!text) return null;
  const lines = text.split(/\r?\n/);
  for (const [i, l] of lines.entries()) {
    const at = l.indexOf(`mcp_servers.${name}`);
    if (at >= 0) return { line: i + 1, column: at + "mcp_servers.".length + 1 };
  }
  return null;
}

/** Every configured MCP server needs a transport: a `command` (stdio) or a `url` (HTTP). */
export function checkMcpTransports(layers: ConfigLayer[], diag: Diagnostics): void {
  const defs = new Map<string, { stdio: boolean; http: boolean; layer: ConfigLayer }>();
  for (const layer of layers) {
    const servers = layer.doc.mcp_servers;
    if (!isTable(servers)) continue;
    for (const [name, def] of Object.entries(servers)) {
      if (!isTable(def)) continue;
      const prev = defs.get(name) ?? { stdio: false, http: false, layer };
      defs.set(name, {
        stdio: prev.stdio || typeof def.command === "string",
        http: prev.http || typeof def.url === "string",
        layer,
      });
    }
  }
  for (const [name, d] of defs) {
    if (d.stdio || d.http) continue;
    const at = locate(d.layer.text, name);
    diag.fail({
      code: "config-invalid",
      layer: d.layer.layerId,
      message: `${d.layer.label}${at ? `:${at.line}:${at.column}` : ""}: invalid transport`,
      ...(at ?? {}),
    });
    return;
  }
}
