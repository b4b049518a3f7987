import type { FieldIssue } from "../features/validate.js";
import { isTable, serdeType } from "../toml.js";
import { parseIdentity } from "./identity.js";

/**
 * Type check of an `[mcp_servers]` allowlist, with Codex's serde texts and paths. `at` is where the
 * table sits (a plugin's own allowlist is `plugins.<name>.mcp_servers`).
 */
export function validateMcpRequirement(value: unknown, at = "mcp_servers"): FieldIssue | null {
  if (!isTable(value)) {
    return {
      code: "invalid-type",
      message: `invalid type: ${serdeType(value)}, expected a map`,
      path: at,
    };
  }
  for (const [name, entry] of Object.entries(value)) {
    const path = `${at}.${name}`;
    if (!isTable(entry)) {
      return {
        code: "invalid-type",
        message: `invalid type: ${serdeType(entry)}, expected struct RawMcpServerRequirement`,
        path,
      };
    }
    if (!("identity" in entry))
      return { code: "mcp-identity-invalid", message: "missing field `identity`", path };
    if (!parseIdentity(entry.identity)) {
      return {
        code: "mcp-identity-invalid",
        message: "data did not match any variant of untagged enum RawMcpServerIdentity",
        path: `${path}.identity`,
      };
    }
  }
  return null;
}

/** Keys next to `identity` are ignored with the unrecognized-settings warning. */
export function unknownMcpSubkeys(value: unknown, at = "mcp_servers"): string[] {
  if (!isTable(value)) return [];
  const out: string[] = [];
  for (const [name, entry] of Object.entries(value)) {
    if (!isTable(entry)) continue;
    for (const k of Object.keys(entry)) if (k !== "identity") out.push(`${at}.${name}.${k}`);
  }
  return out;
}
