import { editionSpec, LEGACY_REQUIREMENT_FIELDS, parseToml, resolveUnder } from "@codex-policy/engine";
import type { PolicyFile } from "./files.js";
import type { Finding } from "./finding.js";
import { acrossTargets } from "./lint.js";
import { scenarioFor } from "./scenario.js";
import type { RawFinding } from "./under-edition.js";

const docOf = (text: string): Record<string, unknown> | null => {
  const r = parseToml(text);
  return r.ok ? (r.doc as Record<string, unknown>) : null;
};

/**
 * requirements.toml and managed_config.toml side by side: for each field both set, which one Codex
 * enforces (requirements.toml until 0.136, the legacy file from 0.137), as the engine resolves them.
 */
export function precedenceFindings(
  requirements: PolicyFile,
  managed: PolicyFile,
  targets: readonly string[],
): Finding[] {
  const req = docOf(requirements.text);
  const legacy = docOf(managed.text);
  if (!req || !legacy) return [];
  const shared = Object.entries(LEGACY_REQUIREMENT_FIELDS).filter(
    ([k, f]) => legacy[k] !== undefined && req[f] !== undefined,
  );
  if (shared.length === 0) return [];
  const perEdition = new Map<string, { onRequirements: RawFinding[]; onLegacy: RawFinding[] }>();
  const run = (edition: string) => {
    let hit = perEdition.get(edition);
    if (hit) return hit;
    hit = { onRequirements: [], onLegacy: [] };
    const o = resolveUnder(
      scenarioFor("requirements", requirements.text, { siblings: { managed_config: managed.text } }),
      editionSpec(edition),
    );
    for (const [key, field] of shared) {
      const winner = o.requirements[field]?.source;
      const written = `${key} = ${JSON.stringify(legacy[key])}`;
      if (winner === "system")
        hit.onLegacy.push({
          code: "legacy-key-overridden",
          severity: "warning",
          message: `\`${written}\` enforces nothing: ${requirements.file} sets \`${field}\`, and Codex enforces that instead.`,
          path: [key],
        });
      if (winner === "legacy")
        hit.onRequirements.push({
          code: "legacy-overrides-requirements",
          severity: "warning",
          message: `\`${field}\` here is not enforced: ${managed.file} sets \`${written}\`, and Codex enforces that instead.`,
          path: [field],
        });
    }
    perEdition.set(edition, hit);
    return hit;
  };
  return [
    ...acrossTargets({ ...requirements, targets }, (e) => run(e).onRequirements),
    ...acrossTargets({ ...managed, targets }, (e) => run(e).onLegacy),
  ];
}
