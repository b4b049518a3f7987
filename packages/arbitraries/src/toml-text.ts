import fc from "fast-check";
import { stringify } from "smol-toml";
import { NEAR_MISSES } from "./vocab.js";

/** Serializes a document as TOML text. */
export function toToml(doc: object): string {
  return stringify(doc);
}

export type Breakage = "syntax" | "duplicate-key" | "near-miss" | "wrong-type" | "empty-list";

/**
 * Breaks a document slightly, the way a policy author would: an unterminated array, a repeated
 * key, a near-miss enum spelling, a string where a list belongs, an empty list.
 * (oracle-findings rules 16, 52, 53, 54.)
 */
export function breakDoc(doc: Record<string, unknown>, how: Breakage, pick: number): string {
  const listKeys = Object.keys(NEAR_MISSES);
  const key = listKeys[pick % listKeys.length]!;
  switch (how) {
    case "syntax":
      return `${toToml(doc)}\n${key} = [\n`;
    case "duplicate-key":
      return `${key} = []\n${toToml({ ...doc, [key]: ["read-only"] })}`;
    case "near-miss": {
      const bad = NEAR_MISSES[key]!;
      return toToml({ ...doc, [key]: [bad[pick % bad.length]!] });
    }
    case "wrong-type":
      return toToml({ ...doc, [key]: "read-only" });
    case "empty-list":
      return toToml({ ...doc, [key === "allowed_web_search_modes" ? "allowed_approval_policies" : key]: [] });
  }
}

export const breakage = (): fc.Arbitrary<Breakage> =>
  fc.constantFrom("syntax", "duplicate-key", "near-miss", "wrong-type", "empty-list");

/**
 * Layer text: usually the valid serialization of `doc`, with weight `brokenWeight` (out of 20) a
 * slightly broken one. The broken flag is kept so statistics can count it.
 */
export function layerText<T extends object>(
  doc: fc.Arbitrary<T>,
  brokenWeight = 1,
): fc.Arbitrary<{ text: string; broken: Breakage | null }> {
  const valid = doc.map((d) => ({ text: toToml(d), broken: null as Breakage | null }));
  if (brokenWeight <= 0) return valid;
  const broken = fc.tuple(doc, breakage(), fc.nat()).map(([d, how, pick]) => ({
    text: breakDoc(d as Record<string, unknown>, how, pick),
    broken: how as Breakage | null,
  }));
  return fc.oneof(
    { weight: 20 - brokenWeight, arbitrary: valid },
    { weight: brokenWeight, arbitrary: broken },
  );
}
