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

/** `activePermissionProfile: { id, extends } | null` → the profile id, or null (legacy sandbox settings). */
export function profileFromWire(v: unknown): string | null {
  const id = v && typeof v === "object" ? (v as { id?: unknown }).id : null;
  return typeof id === "string" ? id : null;
}

/** The sandbox's `networkAccess`; full access has no such field and no network restriction. */
export function networkFromWire(v: unknown): boolean {
  if (!v || typeof v !== "object") return false;
  const s = v as { type?: unknown; networkAccess?: unknown };
  if (s.type === "dangerFullAccess") return true;
  return s.networkAccess === true;
}

/** As reported: 0.124–0.138 echo `auto_review` as `guardian_subagent`, which their editions model. */
export function reviewerFromWire(v: unknown): string {
  return String(v);
}

/** camelCase → snake_case for requirement field names. */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
