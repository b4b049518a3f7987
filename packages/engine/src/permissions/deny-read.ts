import type { OutcomeError } from "@codex-policy/spec";
import { denyReadUnsafeGlob } from "../messages.js";
import type { ComposedField } from "../model.js";
import type { Behaviour } from "../releases/behaviour.js";
import { byBytes, isTable } from "../toml.js";

function denyReadList(fields: Record<string, ComposedField>): unknown[] | null {
  const p = fields.permissions?.value;
  const fs = isTable(p) ? p.filesystem : undefined;
  const list = isTable(fs) ? fs.deny_read : undefined;
  return Array.isArray(list) ? list : null;
}

/** Requirements' `[permissions.filesystem] deny_read` patterns. */
export function denyReadPatterns(fields: Record<string, ComposedField>): string[] {
  return (denyReadList(fields) ?? []).filter((x): x is string => typeof x === "string");
}

/** The requirements field that sets `deny_read`, which rules out full access; else undefined. */
export function denyReadField(fields: Record<string, ComposedField>): ComposedField | undefined {
  return denyReadList(fields) ? fields.permissions : undefined;
}

const GLOB = /[*?[]/;

/** A glob whose literal directory prefix is `/` itself: the sandbox would have to scan the whole disk. */
export function startsAtRoot(pattern: string): boolean {
  const g = pattern.search(GLOB);
  if (g < 0) return false;
  const literal = pattern.slice(0, g);
  return literal.startsWith("/") && literal.lastIndexOf("/") === 0;
}

/** Codex builds the sandbox for the thread's first file reads; such a glob makes that fail. */
export function checkDenyReadGlobs(
  field: ComposedField | undefined,
  patterns: string[],
  release: Pick<Behaviour, "denyReadGlobsChecked" | "sessionErrorWrapped">,
): OutcomeError | null {
  if (!release.denyReadGlobsChecked) return null;
  // Codex expands the set in byte order and stops at the first unsafe glob (binary 0.169.0).
  const bad = patterns.filter(startsAtRoot).sort(byBytes)[0];
  if (bad === undefined) return null;
  return {
    code: "deny-read-unsafe-glob",
    layer: field?.layer.layerId ?? "system.requirements",
    message: denyReadUnsafeGlob(bad, release.sessionErrorWrapped),
  };
}
