import { describe, expect, it } from "vitest";
import { checkFeatureValue, FEATURE_TABLES, featureSwitch } from "../src/features/tables.js";

describe("feature config tables", () => {
  it("switches each feature with its own field, and leaves it when the switch is absent", () => {
    expect(featureSwitch("code_mode", { enabled: true })).toBe(true);
    expect(featureSwitch("code_mode", { excluded_tool_namespaces: [] })).toBeUndefined();
    expect(featureSwitch("context_management", { experimental_mode: true })).toBe(true);
    expect(featureSwitch("context_management", { enabled: true })).toBeUndefined();
    expect(featureSwitch("hooks", { enabled: true })).toBeUndefined();
    expect(featureSwitch("hooks", false)).toBe(false);
  });

  it("refuses a field the table lacks or a value of the wrong kind", () => {
    expect(checkFeatureValue("multi_agent_v2", { enabled: true, max_threads: 4 })).toEqual({
      kind: "refused",
      tableFeature: true,
    });
    expect(checkFeatureValue("network_proxy", { mode: "open" }).kind).toBe("refused");
    expect(checkFeatureValue("network_proxy", { mode: "full" }).kind).toBe("ok");
    expect(checkFeatureValue("rollout_budget", { limit_tokens: 0.5 }).kind).toBe("refused");
    expect(checkFeatureValue("rollout_budget", { sampling_token_weight: 2 }).kind).toBe("ok");
    expect(checkFeatureValue("code_mode", { excluded_tool_namespaces: ["a", 1] }).kind).toBe("refused");
    expect(checkFeatureValue("code_mode", 3)).toEqual({ kind: "refused", tableFeature: true });
    expect(checkFeatureValue("hooks", { enabled: true })).toEqual({ kind: "refused", tableFeature: false });
  });

  it("leaves unnamed keys of incompletely known tables unjudged", () => {
    expect(checkFeatureValue("sleep_tool", { enabled: true, other: 1 })).toEqual({
      kind: "unjudged",
      keys: ["other"],
    });
    expect(checkFeatureValue("token_budget", { other: 1 }).kind).toBe("refused");
  });

  it("gives every table a switch that is one of its boolean fields", () => {
    for (const t of Object.values(FEATURE_TABLES)) expect(t.fields[t.switch]).toBe("bool");
  });
});
