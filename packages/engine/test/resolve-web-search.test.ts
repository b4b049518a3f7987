import { describe, expect, it } from "vitest";
import { REQ, req, run, warningMessages } from "./helpers.js";

const fallback = (to: string, cand: string, set: string) =>
  `Configured value for \`web_search_mode\` is disallowed by requirements; falling back to required value ${to}. Details: invalid value for \`web_search_mode\`: \`${cand}\` is not in the allowed set [${set}] (set by ${REQ})`;

describe("web search (oracle section a)", () => {
  it("defaults to cached with no requirements (a01) and live under full access (a02)", () => {
    expect(run({}).effective?.web_search).toBe("cached");
    expect(run({ user: { config: 'sandbox_mode = "danger-full-access"' } }).effective?.web_search).toBe(
      "live",
    );
  });
  it("falls back from live to cached with the exact warning (a05)", () => {
    const o = run(req('allowed_web_search_modes = ["cached"]', { user: { config: 'web_search = "live"' } }));
    expect(o.effective?.web_search).toBe("cached");
    expect(warningMessages(o)).toEqual([fallback("Cached", "Live", "Disabled, Cached")]);
    expect(o.requirements.allowed_web_search_modes?.value).toEqual(["cached", "disabled"]);
  });
  it("does not upgrade to live under full access when only cached is allowed (a08)", () => {
    const o = run(
      req('allowed_web_search_modes = ["cached"]', {
        user: { config: 'sandbox_mode = "danger-full-access"' },
      }),
    );
    expect(o.effective?.web_search).toBe("cached");
    expect(o.warnings).toEqual([]);
  });
  it("an empty list leaves only disabled and warns even with nothing configured (a10)", () => {
    const o = run(req("allowed_web_search_modes = []"));
    expect(o.effective?.web_search).toBe("disabled");
    expect(warningMessages(o)).toEqual([fallback("Disabled", "Cached", "Disabled")]);
    expect(o.requirements.allowed_web_search_modes?.value).toEqual(["disabled"]);
  });
  it("falls back in the fixed order cached, indexed, live whatever the list order (a14, a21, a28, a30)", () => {
    expect(run(req('allowed_web_search_modes = ["live"]')).effective?.web_search).toBe("live");
    expect(run(req('allowed_web_search_modes = ["live", "cached"]')).warnings).toEqual([]);
    const a28 = run(
      req('allowed_web_search_modes = ["live", "indexed"]', { user: { config: 'web_search = "cached"' } }),
    );
    expect(a28.effective?.web_search).toBe("indexed");
    expect(warningMessages(a28)).toEqual([fallback("Indexed", "Cached", "Disabled, Indexed, Live")]);
    const a30 = run(
      req('allowed_web_search_modes = ["indexed", "cached"]', { user: { config: 'web_search = "live"' } }),
    );
    expect(a30.effective?.web_search).toBe("cached");
  });
  it("disabled is always allowed (a07, a17)", () => {
    const o = run(
      req('allowed_web_search_modes = ["live"]', { user: { config: 'web_search = "disabled"' } }),
    );
    expect(o.effective?.web_search).toBe("disabled");
    expect(o.warnings).toEqual([]);
  });
  it("applies to -c overrides and trusted project config too (a23, a24)", () => {
    const cli = run(
      req('allowed_web_search_modes = ["cached"]', { session: { overrides: ['web_search="live"'] } }),
    );
    expect(cli.effective?.web_search).toBe("cached");
    expect(cli.warnings).toHaveLength(1);
    const proj = run(
      req('allowed_web_search_modes = ["cached"]', {
        project: { trust: "trusted", config: 'web_search = "live"' },
      }),
    );
    expect(proj.effective?.web_search).toBe("cached");
    expect(proj.warnings).toHaveLength(1);
  });
});
