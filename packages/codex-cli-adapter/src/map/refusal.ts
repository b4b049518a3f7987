import type { ErrorCode, OutcomeError } from "@codex-policy/spec";

/** Ordered: the first matching template decides the code. */
const ERROR_CLASSIFIERS: [RegExp, ErrorCode][] = [
  [/is no longer supported; remove this setting/, "config-approval-untrusted"],
  [/legacy `profile = /, "config-legacy-profile"],
  [/cannot be used because requirements do not allow/, "never-with-disallowed-full-access"],
  [/invalid rules in requirements/, "rules-invalid"],
  [/must include 'read-only'/, "sandbox-without-read-only"],
  [/RawMcpServerIdentity|missing field `identity`/, "mcp-identity-invalid"],
  [/invalid utf-8/i, "invalid-utf8"],
  [/TOML parse error|duplicate key|expected `.`|unclosed|invalid (key|string|table|array)|expected newline/, "toml-syntax"],
  [/unknown variant/, "unknown-variant"],
  [/invalid type:/, "invalid-type"],
  [/missing field/, "missing-field"],
  [/cannot be empty/, "empty-list"],
  [/profile .*(not found|does not exist)|config profile/i, "profile-missing"],
  [/hooks\.managed_dir/, "hooks-managed-dir-conflict"],
];

/** Layer named by a path inside the message (after path normalization). */
const LAYER_PATTERNS: [RegExp, string][] = [
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

export function errorCode(message: string, layer: string | null): ErrorCode {
  for (const [re, code] of ERROR_CLASSIFIERS) if (re.test(message)) return code;
  if (layer === "system.managed_config") return "legacy-invalid";
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

/** One Outcome error for a load failure text. `layer` is `unknown` when the text names no file. */
export function mapRefusal(message: string): OutcomeError {
  const layer = errorLayer(message);
  const code = errorCode(message, layer);
  const loc = errorLocation(message);
  if (code === "legacy-invalid" && layer === null) return { code, layer: "system.managed_config", message, ...loc };
  return { code, layer: layer ?? "unknown", message, ...loc };
}
