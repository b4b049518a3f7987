import { basename } from "node:path";

/** The policy files lint reads, and where each sits in a Codex scenario. */
export const POLICY_KINDS = ["requirements", "managed_config", "config"] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** The file names Codex reads for each kind (the MDM payloads decode to the same documents). */
const FILE_NAMES: Record<string, PolicyKind> = {
  "requirements.toml": "requirements",
  "managed_config.toml": "managed_config",
  "config.toml": "config",
};

/** The kind a file name implies: its exact Codex name, or a name ending in `.requirements.toml` and so on. */
export function kindFromName(path: string): PolicyKind | null {
  const name = basename(path).toLowerCase();
  if (FILE_NAMES[name]) return FILE_NAMES[name];
  for (const [suffix, kind] of Object.entries(FILE_NAMES)) if (name.endsWith(`.${suffix}`)) return kind;
  for (const [suffix, kind] of Object.entries(FILE_NAMES)) if (name.endsWith(`-${suffix}`)) return kind;
  return null;
}

/** The file name Codex reads a kind from. */
export function fileNameOf(kind: PolicyKind): string {
  return Object.entries(FILE_NAMES).find(([, k]) => k === kind)![0];
}

export function isPolicyKind(s: string): s is PolicyKind {
  return (POLICY_KINDS as readonly string[]).includes(s);
}

/** Which of the engine's two document vocabularies a kind is read with. */
export const policyKindOf = (kind: PolicyKind): "requirements" | "config" =>
  kind === "requirements" ? "requirements" : "config";
