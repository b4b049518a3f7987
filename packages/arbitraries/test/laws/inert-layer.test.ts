import type { Scenario } from "@codex-policy/spec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenario } from "../../src/index.js";
import { decisions, EDITION_IDS, params, run } from "../support.js";

const EMPTY_TEXTS = ["", "# managed by IT\n", "\n\n", "# nothing here\r\n"];
const SLOTS = [
  ["system", "requirements"],
  ["system", "managed_config"],
  ["system", "config"],
  ["user", "config"],
  ["project", "config"],
] as const;

/** Adds a layer that sets nothing to an absent slot; null when the slot is taken. */
function withEmptyLayer(s: Scenario, slot: (typeof SLOTS)[number], text: string): Scenario | null {
  const [part, key] = slot;
  const cur = (s[part] ?? {}) as Record<string, unknown>;
  if (cur[key] !== undefined) return null;
  return { ...s, [part]: { ...cur, [key]: text } } as Scenario;
}

describe("law 3: a layer that sets nothing changes nothing", () => {
  // Evidence: oracle-findings rule 56 (empty and comment-only files load), spec-from-source.md §3 (merge of an
  // empty table is the identity). Exception, pinned: codex-0.169 reports the default allowed_login_methods as
  // soon as any requirements source exists (reportsDefaultLoginMethods), so that report-only entry is ignored.
  it.each(EDITION_IDS)("%s: an empty or comment-only layer leaves every decision unchanged", (ed) => {
    fc.assert(
      fc.property(scenario(), fc.constantFrom(...SLOTS), fc.constantFrom(...EMPTY_TEXTS), (s, slot, text) => {
        const t = withEmptyLayer(s, slot, text);
        fc.pre(t !== null);
        expect(decisions(run(t!, ed), { dropLoginDefault: true })).toStrictEqual(
          decisions(run(s, ed), { dropLoginDefault: true }),
        );
      }),
      params(),
    );
  });
});
