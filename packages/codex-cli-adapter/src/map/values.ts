/** Translations from the app-server's spellings to the Outcome's. */

export function approvalFromWire(v: unknown): string {
  if (typeof v === "string") return v === "unless-trusted" ? "untrusted" : v;
  if (v && typeof v === "object" && "granular" in v) return "granular";
  return String(v);
}

const SANDBOX_TYPES: Record<string, string> = {
  readOnly: "read-only",
  workspaceWrite: "workspace-write",
  dangerFullAccess: "danger-full-access",
  externalSandbox: "external-sandbox",
};

export function sandboxFromWire(v: unknown): string {
  const type = v && typeof v === "object" ? (v as { type?: unknown }).type : v;
  return SANDBOX_TYPES[String(type)] ?? String(type);
}

export function reviewerFromWire(v: unknown): string {
  return v === "guardian_subagent" ? "auto_review" : String(v);
}

/** camelCase → snake_case for requirement field names. */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
