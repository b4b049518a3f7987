import type { FieldIssue } from "../features/validate.js";
import { unknownMcpSubkeys, validateMcpRequirement } from "../mcp/validate.js";
import { isTable, serdeType } from "../toml.js";

/**
 * A requirements `[plugins]` table: each plugin is a table whose one known key is its own
 * `mcp_servers` allowlist (0.169.0 binary). Anything else in a plugin's table is ignored.
 */
export function validatePluginsRequirement(value: unknown): FieldIssue | null {
  if (!isTable(value))
    return {
      code: "invalid-type",
      message: `invalid type: ${serdeType(value)}, expected a map`,
      path: "plugins",
    };
  for (const [name, entry] of Object.entries(value)) {
    const path = `plugins.${name}`;
    if (!isTable(entry)) {
      return {
        code: "invalid-type",
        message: `invalid type: ${serdeType(entry)}, expected struct PluginMcpRequirements`,
        path,
      };
    }
    if (entry.mcp_servers !== undefined) {
      const issue = validateMcpRequirement(entry.mcp_servers, `${path}.mcp_servers`);
      if (issue) return issue;
    }
  }
  return null;
}

/** Keys inside `[plugins.<name>]` that Codex ignores with the unrecognized-settings warning. */
export function unknownPluginSubkeys(value: unknown): string[] {
  if (!isTable(value)) return [];
  const out: string[] = [];
  for (const [name, entry] of Object.entries(value)) {
    if (!isTable(entry)) continue;
    for (const k of Object.keys(entry)) if (k !== "mcp_servers") out.push(`plugins.${name}.${k}`);
    out.push(...unknownMcpSubkeys(entry.mcp_servers, `plugins.${name}.mcp_servers`));
  }
  return out;
}
