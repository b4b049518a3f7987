import fc from "fast-check";
import { FEATURE_KEYS } from "./vocab.js";

const ALL_KEYS = Object.values(FEATURE_KEYS).flat();

/** Keys a pin usually names: mostly real features, sometimes removed, alias or unknown keys (rules 36, 37, 38). */
export const pinKey = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...FEATURE_KEYS.stableOn, ...FEATURE_KEYS.stableOff) },
    { weight: 2, arbitrary: fc.constantFrom(...FEATURE_KEYS.webSearch) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...FEATURE_KEYS.removed, ...FEATURE_KEYS.alias, ...FEATURE_KEYS.unknown),
    },
  );

/** A `[features]` requirements table: feature key → pinned boolean. */
export const featurePins = (): fc.Arbitrary<Record<string, boolean>> =>
  fc.dictionary(pinKey(), fc.boolean(), { minKeys: 1, maxKeys: 3 });

/** A config `[features]` table over the same keys, so configs often contradict pins. */
export const featureConfig = (): fc.Arbitrary<Record<string, boolean>> =>
  fc.dictionary(fc.constantFrom(...ALL_KEYS.filter((k) => k !== "no_such_feature")), fc.boolean(), {
    minKeys: 1,
    maxKeys: 3,
  });

/** `--enable` / `--disable` flag lists. */
export const featureFlags = (): fc.Arbitrary<{ enable: string[]; disable: string[] }> =>
  fc.record({
    enable: fc.uniqueArray(fc.constantFrom(...FEATURE_KEYS.stableOn, ...FEATURE_KEYS.stableOff), {
      maxLength: 2,
    }),
    disable: fc.uniqueArray(fc.constantFrom(...FEATURE_KEYS.stableOn, ...FEATURE_KEYS.stableOff), {
      maxLength: 2,
    }),
  });
