import type { Outcome } from "@codex-policy/spec";

/** One decision field on which two Outcomes differ. */
export interface Divergence {
  path: string;
  engine: unknown;
  binary: unknown;
}

/**
 * Error codes the binary side determines from a specific message. Codes the adapter falls back to
 * (`config-invalid`, `legacy-invalid`) are coarse, so codes are compared only when both are here.
 */
export const COMPARABLE_CODES: ReadonlySet<string> = new Set([
  "config-approval-untrusted",
  "never-with-disallowed-full-access",
  "rules-invalid",
  "sandbox-without-read-only",
  "mcp-identity-invalid",
  "toml-syntax",
  "unknown-variant",
  "invalid-type",
  "empty-list",
  "permission-profiles-invalid",
  "deny-read-unsafe-glob",
  "login-methods-empty",
]);

const UNOBSERVED = "(unobserved)";

function covered(path: string, prefixes: readonly string[]): boolean {
  const p = path.split(".");
  return prefixes.some((prefix) => {
    const q = prefix.split(".");
    return q.length <= p.length && q.every((seg, i) => seg === "*" || seg === p[i]);
  });
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );
}

/**
 * Compares the decision fields of the engine's Outcome with the binary's: status, the error code
 * on refusal (when both sides determine it), requirement values, the effective values,
 * MCP enabled flags, pinned features and command outcomes. Paths the binary did not observe are skipped.
 */
export function compareDecisions(engine: Outcome, binary: Outcome): Divergence[] {
  const skip = binary.unobserved ?? [];
  const out: Divergence[] = [];
  const check = (path: string, e: unknown, b: unknown) => {
    if (covered(path, skip) || b === UNOBSERVED) return;
    if (canonical(e) !== canonical(b)) out.push({ path, engine: e, binary: b });
  };
  check("status", engine.status, binary.status);
  if (engine.status !== binary.status) return out;
  if (engine.status === "refused") {
    const ec = engine.errors[0]?.code;
    const bc = binary.errors[0]?.code;
    if (ec && bc && COMPARABLE_CODES.has(ec) && COMPARABLE_CODES.has(bc)) check("errors.0.code", ec, bc);
    return out;
  }
  for (const key of new Set([...Object.keys(engine.requirements), ...Object.keys(binary.requirements)])) {
    // The binary shows the MCP allowlist only through `mcp list` (oracle rule 43): compared via enabled flags below.
    if (key === "mcp_servers" && !(key in binary.requirements)) continue;
    check(`requirements.${key}.value`, engine.requirements[key]?.value, binary.requirements[key]?.value);
  }
  const ee = engine.effective;
  const be = binary.effective;
  if (!ee || !be) return out;
  for (const f of [
    "approval_policy",
    "approvals_reviewer",
    "sandbox_mode",
    "permission_profile",
    "network_access",
    "web_search",
  ] as const)
    check(`effective.${f}`, ee[f], be[f]);
  for (const name of new Set([...Object.keys(ee.mcp_servers), ...Object.keys(be.mcp_servers)])) {
    check(
      `effective.mcp_servers.${name}.enabled`,
      ee.mcp_servers[name]?.enabled,
      be.mcp_servers[name]?.enabled,
    );
  }
  const pins = { ...pinnedKeys(engine), ...pinnedKeys(binary) };
  for (const key of Object.keys(pins)) {
    if (ee.features[key] && be.features[key])
      check(`effective.features.${key}.enabled`, ee.features[key].enabled, be.features[key].enabled);
  }
  const n = Math.max(ee.commands.length, be.commands.length);
  for (let i = 0; i < n; i++)
    check(`effective.commands.${i}.outcome`, ee.commands[i]?.outcome, be.commands[i]?.outcome);
  return out;
}

/**
 * The warnings the user sees, as one path: the message texts in order. Compared only when both
 * sides reached the same status and the binary observed warnings.
 */
export function compareWarnings(engine: Outcome, binary: Outcome): Divergence[] {
  if (engine.status !== binary.status || covered("warnings", binary.unobserved ?? [])) return [];
  const e = engine.warnings.map((w) => w.message);
  const b = binary.warnings.map((w) => w.message);
  return canonical(e) === canonical(b) ? [] : [{ path: "warnings", engine: e, binary: b }];
}

function pinnedKeys(o: Outcome): Record<string, true> {
  const v = o.requirements.features?.value;
  const out: Record<string, true> = {};
  if (v && typeof v === "object") for (const k of Object.keys(v)) out[k] = true;
  return out;
}

/**
 * A stable name for a divergence: the sorted set of differing paths, with indices and names kept.
 * A warnings divergence also names the first text that differs (up to its first backtick or period),
 * so different warning mistakes count apart.
 */
export function divergenceSignature(ds: Divergence[]): string {
  return ds
    .map((d) => (d.path === "warnings" ? `warnings[${firstDifference(d)}]` : d.path))
    .sort()
    .join(",");
}

function firstDifference(d: Divergence): string {
  const e = (d.engine as string[] | undefined) ?? [];
  const b = (d.binary as string[] | undefined) ?? [];
  for (let i = 0; i < Math.max(e.length, b.length); i++) {
    if (e[i] !== b[i])
      return (e.includes(b[i] ?? "") ? (e[i] ?? "") : (b[i] ?? e[i] ?? "")).split(/[`.]/)[0]!;
  }
  return "";
}
