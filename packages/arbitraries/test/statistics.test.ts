import { globMatches, matchHostname, resolve } from "@codex-policy/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layerStack, scenario } from "../src/index.js";
import { tryParse } from "./support.js";

/** Runs fc.statistics and returns label → percentage parsed from its report. */
function stats<T>(
  arb: fc.Arbitrary<T>,
  classify: (v: T) => string[],
  numRuns = 2000,
): Record<string, number> {
  const lines: string[] = [];
  fc.statistics(arb, classify, { numRuns, seed: 42, logger: (l) => lines.push(l) });
  const out: Record<string, number> = {};
  for (const l of lines) {
    const m = /^(.*?)\.+\s*(\d+(?:\.\d+)?)%/.exec(l.trim());
    if (m) out[m[1]!.trim()] = Number(m[2]);
  }
  return out;
}

const LISTS = [
  "allowed_approval_policies",
  "allowed_sandbox_modes",
  "allowed_web_search_modes",
  "allowed_approvals_reviewers",
];
const hasEmptyList = (doc: Record<string, unknown> | null) =>
  !!doc && LISTS.some((k) => Array.isArray(doc[k]) && (doc[k] as unknown[]).length === 0);

describe("generators reach the rare combinations (fc.statistics)", () => {
  it("empty lists high, matching remote entries, later-matching groups, pins against config, broken documents", () => {
    const s = stats(layerStack(), ({ scenario: sc, broken }) => {
      const labels: string[] = [];
      const sys = tryParse(sc.system?.requirements);
      const mdm = sc.mdm?.requirements_toml_base64
        ? tryParse(Buffer.from(sc.mdm.requirements_toml_base64, "base64").toString())
        : null;
      const cloudDoc = sc.cloud?.rules.map((r) => tryParse(r.requirements));
      if (sys && (hasEmptyList(mdm) || cloudDoc?.some(hasEmptyList)))
        labels.push("empty list in a higher layer");
      const name = matchHostname(sc.host);
      const remote = (sys?.remote_sandbox_config as { hostname_patterns?: string[] }[] | undefined) ?? [];
      if (remote.some((e) => (e.hostname_patterns ?? []).some((p) => globMatches(p, name))))
        labels.push("remote entry matches");
      const groups = sc.identity.groups;
      const matching = (sc.cloud?.rules ?? []).filter((r) => r.groups.some((g) => groups.includes(g)));
      if (matching.length >= 2) labels.push("group also matched by a later rule");
      const pins = { ...((sys?.features as Record<string, boolean>) ?? {}) };
      const cfg = { ...((tryParse(sc.user?.config)?.features as Record<string, boolean>) ?? {}) };
      if (Object.entries(pins).some(([k, v]) => k in cfg && cfg[k] !== v))
        labels.push("pin contradicts config");
      if (Object.keys(broken).length) labels.push("broken document");
      return labels.length ? labels : ["none of these"];
    });
    for (const label of [
      "empty list in a higher layer",
      "remote entry matches",
      "group also matched by a later rule",
      "pin contradicts config",
      "broken document",
    ]) {
      expect(s[label] ?? 0, `${label} reached in ${JSON.stringify(s)}`).toBeGreaterThanOrEqual(0.5);
    }
  });

  it("outcomes cover both statuses and several refusal codes", () => {
    const s = stats(scenario(), (sc) => {
      const o = resolve(sc);
      return [o.status === "ok" ? "ok" : `refused:${o.errors[0]?.code}`];
    });
    expect(s.ok ?? 0).toBeGreaterThan(40);
    expect(Object.keys(s).filter((k) => k.startsWith("refused:")).length).toBeGreaterThanOrEqual(4);
  });
});
