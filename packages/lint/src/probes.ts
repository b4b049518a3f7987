import { type EditionSpec, resolveUnder } from "@codex-policy/engine";
import type { Outcome } from "@codex-policy/spec";
import { stringify } from "smol-toml";
import { scenarioFor } from "./scenario.js";
import type { RawFinding } from "./under-edition.js";

const strings = (v: unknown): string[] | null =>
  Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : null;

function withUser(text: string, userConfig: string, spec: EditionSpec): Outcome {
  return resolveUnder(scenarioFor("requirements", text, { userConfig }), spec);
}

/** Does the order of the approval list change what a disallowed user gets? Asks the engine both ways. */
function approvalOrder(doc: Record<string, unknown>, spec: EditionSpec): RawFinding | null {
  const list = strings(doc.allowed_approval_policies);
  if (!list || list.length < 2) return null;
  // A value config may not set (untrusted, say) refuses to start: no effective policy, so it is skipped.
  for (const outside of spec.approvalModes) {
    if (list.includes(outside)) continue;
    const user = `approval_policy = "${outside}"\n`;
    const got = (order: string[]) =>
      withUser(stringify({ ...doc, allowed_approval_policies: order }), user, spec).effective
        ?.approval_policy ?? null;
    const asWritten = got(list);
    const reversed = got([...list].reverse());
    if (asWritten === null || reversed === null || asWritten === reversed) continue;
    return {
      code: "approval-fallback-order",
      severity: "note",
      message: `A user who sets \`${outside}\` falls back to \`${asWritten}\`, the first entry; with the list in another order they would get \`${reversed}\`.`,
      path: ["allowed_approval_policies"],
    };
  }
  return null;
}

/** A user config with approval never and full access: refused where requirements allow one but not the other. */
function neverWithFullAccess(
  text: string,
  doc: Record<string, unknown>,
  spec: EditionSpec,
): RawFinding | null {
  if (doc.allowed_sandbox_modes === undefined) return null;
  const o = withUser(text, 'approval_policy = "never"\nsandbox_mode = "danger-full-access"\n', spec);
  const e = o.errors.find((x) => x.code === "never-with-disallowed-full-access");
  if (!e) return null;
  return {
    code: "never-full-access-refused",
    severity: "warning",
    message: `A user whose config sets approval_policy = "never" and sandbox_mode = "danger-full-access" cannot start: ${e.message}`,
    path: ["allowed_sandbox_modes"],
  };
}

/** An empty MCP allowlist: does a server a user configures stay enabled? */
function emptyMcpAllowlist(text: string, doc: Record<string, unknown>, spec: EditionSpec): RawFinding | null {
  const t = doc.mcp_servers;
  if (!t || typeof t !== "object" || Array.isArray(t) || Object.keys(t).length > 0) return null;
  const o = withUser(text, '[mcp_servers.docs]\ncommand = "docs-mcp"\n', spec);
  const server = o.effective?.mcp_servers.docs;
  if (!server || server.enabled) return null;
  return {
    code: "mcp-servers-empty",
    severity: "warning",
    message:
      "This empty allowlist disables every MCP server users configure (a user's `docs` server is disabled).",
    path: ["mcp_servers"],
  };
}

/** What the requirements do to users' own settings, asked of the engine with probe configs. */
export function behaviourProbes(text: string, doc: Record<string, unknown>, spec: EditionSpec): RawFinding[] {
  return [
    approvalOrder(doc, spec),
    neverWithFullAccess(text, doc, spec),
    emptyMcpAllowlist(text, doc, spec),
  ].filter((f): f is RawFinding => f !== null);
}
