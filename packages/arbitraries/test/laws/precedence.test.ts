import { EDITIONS } from "@codex-policy/engine";
import { type Scenario, ScenarioSchema } from "@codex-policy/spec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  approvalList,
  requirementsDoc,
  reviewerList,
  sandboxList,
  toToml,
  webSearchList,
} from "../../src/index.js";
import { b64, EDITION_IDS, params, run } from "../support.js";

type Kind = "system" | "cloud" | "mdm";
const LIST_FIELDS = {
  allowed_approval_policies: approvalList(),
  allowed_sandbox_modes: sandboxList(),
  allowed_web_search_modes: webSearchList(),
  allowed_approvals_reviewers: reviewerList(),
} as const;
type Field = keyof typeof LIST_FIELDS;

function stackScenario(texts: Partial<Record<Kind, string>>): Scenario {
  return ScenarioSchema.parse({
    host: { os: "macos", hostname: "box" },
    identity: { auth: "chatgpt", plan: "enterprise", user: "u-1", account: "acct-1", groups: [] },
    ...(texts.system !== undefined ? { system: { requirements: texts.system } } : {}),
    ...(texts.cloud !== undefined ? { cloud: { cache: "valid", default: texts.cloud } } : {}),
    ...(texts.mdm !== undefined ? { mdm: { requirements_toml_base64: b64(texts.mdm) } } : {}),
  });
}

/** Three requirement layers; each sets the list field or not, plus other fields that are not lists of this kind. */
const stack = fc.constantFrom(...(Object.keys(LIST_FIELDS) as Field[])).chain((field) =>
  fc
    .record({
      system: fc.option(
        fc.tuple(LIST_FIELDS[field], requirementsDoc(["features", "allow_managed_hooks_only"])),
        { nil: undefined },
      ),
      cloud: fc.option(
        fc.tuple(LIST_FIELDS[field], requirementsDoc(["features", "allow_managed_hooks_only"])),
        { nil: undefined },
      ),
      mdm: fc.option(
        fc.tuple(LIST_FIELDS[field], requirementsDoc(["features", "allow_managed_hooks_only"])),
        { nil: undefined },
      ),
    })
    .map((layers) => ({ field, layers })),
);

describe("law 4: precedence of list fields between requirement layers", () => {
  // Evidence: codex-0.169 — spec-from-source.md §3 table ("any list: highest layer wins as a whole, even an empty
  // list"), oracle-findings rule 22; documented — documented-edition.md "Merge rule" (earlier source wins, even an
  // empty list). The expected owner is the layer alone: the stacked value must equal that layer's value on its own.
  it.each(EDITION_IDS)("%s: the owning layer's whole list is the composed value", (ed) => {
    const order = EDITIONS[ed]!.order.filter(
      (k): k is Kind => k === "system" || k === "cloud" || k === "mdm",
    );
    fc.assert(
      fc.property(stack, ({ field, layers }) => {
        const texts: Partial<Record<Kind, string>> = {};
        const setters: Kind[] = [];
        for (const k of ["system", "cloud", "mdm"] as Kind[]) {
          const l = layers[k];
          if (!l) continue;
          const [list, rest] = l;
          const sets = list.length > 0 || field === "allowed_web_search_modes";
          texts[k] = toToml(sets ? { ...rest, [field]: list } : rest);
          if (sets) setters.push(k);
        }
        fc.pre(setters.length > 0);
        // Highest precedence is last in the edition's order (lowest first).
        const owner = [...order].reverse().find((k) => setters.includes(k))!;
        const stacked = run(stackScenario(texts), ed);
        const alone = run(stackScenario({ [owner]: texts[owner] }), ed);
        fc.pre(alone.status === "ok");
        expect(stacked.status).toBe("ok");
        expect(stacked.requirements[field]?.value).toStrictEqual(alone.requirements[field]?.value);
        expect(stacked.requirements[field]?.source.split(":")[0]).toBe(owner);
      }),
      params(),
    );
  });
});
