import fc from "fast-check";
import { PROGRAMS, SUBCOMMANDS } from "./vocab.js";

export type PatternToken = { token: string } | { any_of: string[] };
export interface ManagedPrefixRule {
  pattern: PatternToken[];
  decision: "forbidden" | "prompt" | "prompt-user";
  justification?: string;
}
export interface UserPrefixRule {
  pattern: string[];
  decision: "allow" | "prompt" | "forbidden";
}

const firstToken = (): fc.Arbitrary<PatternToken> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...PROGRAMS).map((token) => ({ token })) },
    {
      weight: 1,
      arbitrary: fc
        .uniqueArray(fc.constantFrom(...PROGRAMS), { minLength: 1, maxLength: 2 })
        .map((any_of) => ({ any_of })),
    },
  );
const laterToken = (): fc.Arbitrary<PatternToken> =>
  fc.constantFrom(...SUBCOMMANDS).map((token) => ({ token }));

/** A `[rules] prefix_rules` entry with a valid shape. */
export const managedRule = (): fc.Arbitrary<ManagedPrefixRule> =>
  fc.record(
    {
      pattern: fc
        .tuple(firstToken(), fc.array(laterToken(), { maxLength: 1 }))
        .map(([a, rest]) => [a, ...rest]),
      decision: fc.constantFrom("forbidden", "forbidden", "prompt", "prompt-user") as fc.Arbitrary<
        ManagedPrefixRule["decision"]
      >,
      justification: fc.constantFrom("blocked by policy", "use the wrapper"),
    },
    { requiredKeys: ["pattern", "decision"] },
  );

export const managedRules = (): fc.Arbitrary<ManagedPrefixRule[]> =>
  fc.array(managedRule(), { minLength: 1, maxLength: 3 });

/** A user `.rules` rule; `allow` is common so it can collide with managed `forbidden` (rule 46). */
export const userRule = (): fc.Arbitrary<UserPrefixRule> =>
  fc.record({
    pattern: fc
      .tuple(fc.constantFrom(...PROGRAMS), fc.array(fc.constantFrom(...SUBCOMMANDS), { maxLength: 1 }))
      .map(([p, r]) => [p, ...r]),
    decision: fc.constantFrom("allow", "allow", "prompt", "forbidden") as fc.Arbitrary<
      UserPrefixRule["decision"]
    >,
  });

/** The user's Starlark `.rules` file. */
export function userRulesText(rules: UserPrefixRule[]): string {
  return rules
    .map(
      (r) =>
        `prefix_rule(pattern=[${r.pattern.map((t) => JSON.stringify(t)).join(", ")}], decision=${JSON.stringify(r.decision)})`,
    )
    .join("\n");
}

/** Probe commands over the same programs, sometimes compound or with an absolute path (rule 46). */
export const command = (): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...PROGRAMS), fc.constantFrom(...SUBCOMMANDS, ""))
        .map(([p, s]) => `${p} ${s}`.trim()),
    },
    { weight: 1, arbitrary: fc.constantFrom(...PROGRAMS).map((p) => `/usr/bin/${p} x`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...PROGRAMS), fc.constantFrom(...PROGRAMS))
        .map(([a, b]) => `${a} x && ${b} -rf y`),
    },
  );

/** Managed rules together with user rules and commands that exercise them. */
export const rulesWithCommands = (): fc.Arbitrary<{
  managed: ManagedPrefixRule[];
  user: UserPrefixRule[];
  commands: string[];
}> =>
  fc.record({
    managed: managedRules(),
    user: fc.array(userRule(), { maxLength: 3 }),
    commands: fc.uniqueArray(command(), { minLength: 1, maxLength: 3 }),
  });
