import fc from "fast-check";
import { requirementsDoc } from "./requirements.js";
import { toToml } from "./toml-text.js";

export const GROUPS = ["eng", "security", "contractors", "data"] as const;

/** Identities, mostly eligible ChatGPT business sign-ins with a few groups. */
export const identity = (): fc.Arbitrary<{
  auth: "chatgpt" | "api-key" | "none";
  plan?: string;
  user: string;
  account: string;
  groups: string[];
}> =>
  fc.record({
    auth: fc.constantFrom("chatgpt", "chatgpt", "chatgpt", "api-key", "none") as fc.Arbitrary<
      "chatgpt" | "api-key" | "none"
    >,
    plan: fc.constantFrom("enterprise", "business", "team", "edu", "plus"),
    user: fc.constant("u-1"),
    account: fc.constant("acct-1"),
    groups: fc.subarray([...GROUPS]),
  });

export interface GroupRule {
  name: string;
  groups: string[];
  requirements: string;
}

/** Ordered group rules with unique names; later rules often overlap earlier ones. */
export const groupRules = (): fc.Arbitrary<GroupRule[]> =>
  fc
    .array(fc.tuple(fc.subarray([...GROUPS], { minLength: 1, maxLength: 2 }), requirementsDoc()), {
      minLength: 1,
      maxLength: 4,
    })
    .map((rs) => rs.map(([groups, doc], i) => ({ name: `rule-${i}`, groups, requirements: toToml(doc) })));

/** A cloud layer: cache and fetch state, ordered group rules, an optional default policy. */
export const cloud = () =>
  fc.record(
    {
      cache: fc.constantFrom(
        "valid",
        "valid",
        "missing",
        "expired",
        "corrupt",
        "other-identity",
      ) as fc.Arbitrary<"valid" | "missing" | "expired" | "corrupt" | "other-identity">,
      fetch: fc.constantFrom("ok", "ok", "error", "timeout") as fc.Arbitrary<"ok" | "error" | "timeout">,
      rules: groupRules(),
      default: requirementsDoc().map(toToml),
    },
    { requiredKeys: ["cache", "fetch", "rules"] },
  );
