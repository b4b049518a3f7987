import type { ErrorCode, OutcomeError } from "@codex-policy/spec";

/** Ordered: the first matching template decides the code. */
const ERROR_CLASSIFIERS: [RegExp, ErrorCode][] = [
  [/is no longer supported; remove this setting/, "config-approval-untrusted"],
  [/legacy `profile = /, "config-legacy-profile"],
  [/cannot be used because requirements do not allow/, "never-with-disallowed-full-access"],
  [/invalid rules in requirements/, "rules-invalid"],
  [/must include 'read-only'/, "sandbox-without-read-only"],
  [/^authentication requirements do not permit any usable login method/, "login-methods-empty"],
  [/unreadable glob `[^`]*` cannot be safely expanded/, "deny-read-unsafe-glob"],
  [
    /^requirements\.toml (allowed_permission_profiles|default_permissions)|`permissions\.filesystem` is reserved/,
    "permission-profiles-invalid",
  ],
  [
    /RawMcpServerIdentity|missing field `identity`|invalid requirement for MCP server/,
    "mcp-identity-invalid",
  ],
  [/invalid value for `features`/, "feature-pin-conflict"],
  // Before 0.99 a disallowed approval policy or sandbox mode is refused (0.77 names neither field nor file).
  [
    /^invalid value for `(approval_policy|sandbox_mode)`: `[^`]*` is not in the allowed set|^value `[^`]*` is not in the allowed set/,
    "requirement-disallowed",
  ],
  // 0.110-0.123 refuse a pin naming no feature; later releases only warn.
  [/^invalid `features` requirement `/, "unknown-feature-requirement"],
  [/^Model provider `[^`]*` not found/, "model-provider-unknown"],
  [/^Invalid override/, "override-invalid"],
  [/^Unknown feature flag: /, "unknown-feature-flag"],
  [/\.toml:\d+:\d+: invalid transport|is not supported for (stdio|streamable_http)/, "config-invalid"],
  [/duplicate field `/, "duplicate-field"],
  [/invalid utf-8/i, "invalid-utf8"],
  // A config file's deserialization errors carry `<file>:<line>:<col>: ` before serde's message, and
  // before 0.164 requirements.toml's carry a TOML code frame: serde's words decide, not the frame.
  [/unknown variant/, "unknown-variant"],
  [
    /invalid type:|invalid length \d+, expected|wanted string or table|data did not match any variant|wanted exactly 1 element/,
    "invalid-type",
  ],
  [/missing field/, "missing-field"],
  [/unknown field `/, "unknown-field"],
  [/TOML parse error|duplicate key/, "toml-syntax"],
  [/`[^`]+` cannot be empty/, "empty-list"],
  [/profile .*(not found|does not exist)|config profile/i, "profile-missing"],
  [/hooks\.managed_dir/, "hooks-managed-dir-conflict"],
  [/^\S+\.toml:\d+:\d+: /, "toml-syntax"],
];

/** Layer named by a path inside the message (after path normalization). */
const LAYER_PATTERNS: [RegExp, string][] = [
  // The legacy managed_config.toml reread as requirements; the text names no file.
  [/^Failed to parse config requirements as TOML/, "system.managed_config"],
  [/^Invalid override/, "session"],
  [/^Unknown feature flag: /, "session"],
  [/\/etc\/codex\/requirements\.toml/, "system.requirements"],
  [/\/etc\/codex\/managed_config\.toml/, "system.managed_config"],
  [/\/etc\/codex\/config\.toml/, "system.config"],
  [/~\/\.codex\/config\.toml/, "user.config"],
  [/~\/\.codex\/hooks\.json/, "user.hooks"],
  [/~\/\.codex\/rules\//, "user.rules"],
  [/(^|[\s(])\.codex\/config\.toml/, "project.config"],
];

export function errorLayer(message: string): string | null {
  for (const [re, layer] of LAYER_PATTERNS) if (re.test(message)) return layer;
  return null;
}

export function errorCode(message: string): ErrorCode {
  for (const [re, code] of ERROR_CLASSIFIERS) if (re.test(message)) return code;
  return "config-invalid";
}

/** Line and column from `TOML parse error at line L, column C` or `file:L:C:`. */
export function errorLocation(message: string): { line?: number; column?: number } {
  const a = /at line (\d+), column (\d+)/.exec(message);
  if (a) return { line: Number(a[1]), column: Number(a[2]) };
  const b = /\.toml:(\d+):(\d+)/.exec(message);
  if (b) return { line: Number(b[1]), column: Number(b[2]) };
  return {};
}

/** Location fields of the print-startup-config error (`data.filePath`, `data.line`, `data.column`). */
export interface ReportedLocation {
  filePath?: string | null;
  line?: number | null;
  column?: number | null;
}

/**
 * One Outcome error for a load failure text. The layer comes from the reported file path, else from
 * a path in the text; `unknown` when neither names a file.
 */
export function mapRefusal(message: string, reported: ReportedLocation = {}): OutcomeError {
  const layer = (reported.filePath ? errorLayer(reported.filePath) : null) ?? errorLayer(message);
  const code = errorCode(message);
  const loc =
    typeof reported.line === "number" && typeof reported.column === "number"
      ? { line: reported.line, column: reported.column }
      : errorLocation(message);
  return { code, layer: layer ?? "unknown", message, ...loc };
}
