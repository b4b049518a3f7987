import { PUBLISHED_MINORS, releaseEdition, type ScenarioInput, ScenarioSchema } from "@codex-policy/spec";
import { describe, expect, it } from "vitest";
import { driftObserved, driftScenario } from "../src/drift.js";
import { resolve } from "../src/resolve.js";
import { req } from "./helpers.js";

const scenario = (input: ScenarioInput) => ScenarioSchema.parse(input);

const byPath = (changes: ReturnType<typeof driftScenario>) =>
  Object.fromEntries(changes.map((c) => [c.path, c]));
const causeIds = (c: { causes: { id: string }[] } | undefined) => c?.causes.map((x) => x.id);

describe("drift between two releases, each difference with the entry that explains it", () => {
  it("0.136 → 0.137: the legacy managed_config.toml now beats requirements.toml", () => {
    const s = scenario({
      system: {
        requirements:
          'allowed_approval_policies = ["on-request"]\nallowed_sandbox_modes = ["read-only", "workspace-write"]',
        managed_config: 'approval_policy = "never"\nsandbox_mode = "danger-full-access"',
      },
      user: { config: 'approval_policy = "never"\nsandbox_mode = "danger-full-access"' },
    });
    const d = byPath(driftScenario(s, "codex-0.136", "codex-0.137"));
    expect(d["effective.approval_policy"]).toMatchObject({
      from: "on-request",
      to: "never",
      unexplained: false,
    });
    expect(causeIds(d["effective.approval_policy"])).toEqual(["legacy-above-requirements"]);
    expect(d["effective.sandbox_mode"]).toMatchObject({ from: "read-only", to: "danger-full-access" });
    // network access follows the sandbox, so the same entry explains it
    expect(causeIds(d["effective.network_access"])).toEqual(["legacy-above-requirements"]);
  });

  it("0.98 → 0.99: a disallowed value stops Codex before, falls back after", () => {
    const s = scenario(
      req('allowed_sandbox_modes = ["read-only"]', { user: { config: 'sandbox_mode = "workspace-write"' } }),
    );
    const d = byPath(driftScenario(s, "codex-0.98", "codex-0.99"));
    expect(d.status).toMatchObject({ from: "refused", to: "ok", unexplained: false });
    expect(causeIds(d.status)).toContain("fallback");
    expect(d["effective.sandbox_mode"]).toMatchObject({ from: null, to: "read-only" });
    expect(causeIds(d["effective.sandbox_mode"])).toContain("fallback");
  });

  it("0.141 → 0.142: indexed web search becomes a mode", () => {
    const s = scenario({ user: { config: 'web_search = "indexed"' } });
    const d = byPath(driftScenario(s, "codex-0.141", "codex-0.142"));
    expect(d.status).toMatchObject({ from: "refused", to: "ok" });
    expect(d["effective.web_search"]).toMatchObject({ to: "indexed" });
    expect(causeIds(d["effective.web_search"])).toContain("web-search-indexed");
  });

  it("a new feature catalogue explains features that appear, with the release that brings them", () => {
    const d = byPath(driftScenario(scenario({}), "codex-0.169", "codex-0.171"));
    expect(d["effective.features.safe_image_decoder.enabled"]).toMatchObject({ from: null, to: false });
    expect(causeIds(d["effective.features.safe_image_decoder.enabled"])).toEqual(["features-0.171"]);
    expect(Object.values(d).every((c) => !c.unexplained)).toBe(true);
  });

  it("finds nothing where nothing changes: consecutive releases with no entry and the same catalogue", () => {
    const s = scenario(
      req('allowed_sandbox_modes = ["read-only"]', { user: { config: 'sandbox_mode = "workspace-write"' } }),
    );
    const quiet = PUBLISHED_MINORS.slice(1).filter(
      (m, i) =>
        driftScenario(scenario({}), releaseEdition(PUBLISHED_MINORS[i]!), releaseEdition(m)).length === 0,
    );
    expect(quiet.length).toBeGreaterThan(0);
    const m = quiet[0]!;
    const prev = PUBLISHED_MINORS[PUBLISHED_MINORS.indexOf(m) - 1]!;
    expect(driftScenario(s, releaseEdition(prev), releaseEdition(m))).toEqual([]);
    expect(driftScenario(s, "codex-0.169", "codex-0.169")).toEqual([]);
  });

  it("refuses the documented edition and a reversed range", () => {
    expect(() => driftScenario(scenario({}), "documented", "codex-0.169")).toThrow(/two releases/);
    expect(() => driftScenario(scenario({}), "codex-0.169", "codex-0.150")).toThrow(/later/);
  });
});

describe("drift between two observed outcomes (two real binaries)", () => {
  const sc = scenario(
    req('allowed_sandbox_modes = ["read-only", "workspace-write"]', {
      session: { thread: { sandbox: "danger-full-access" } },
    }),
  );
  const observed = (edition: string) => ({ edition, outcome: resolve(sc, edition) });

  it("lays each difference on the entries between the releases that cover it", () => {
    const changes = byPath(driftObserved(sc, observed("codex-0.150"), observed("codex-0.169")));
    expect(causeIds(changes.warnings)).toContain("thread-fallback-warnings");
    expect(changes.warnings?.unexplained).toBe(false);
  });

  it("flags what the model does not predict, and leaves out what either side cannot observe", () => {
    const to = observed("codex-0.169");
    const odd = {
      ...to,
      outcome: { ...to.outcome, effective: { ...to.outcome.effective!, approval_policy: "never" } },
    };
    const changes = byPath(driftObserved(sc, observed("codex-0.150"), odd));
    expect(changes["effective.approval_policy"]?.unexplained).toBe(true);
    const hidden = byPath(
      driftObserved(sc, observed("codex-0.150"), {
        ...odd,
        unobserved: ["effective.approval_policy", "warnings"],
      }),
    );
    expect(hidden["effective.approval_policy"]).toBeUndefined();
    expect(hidden.warnings).toBeUndefined();
  });
});
