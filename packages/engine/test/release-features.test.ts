import { editionRelease, RELEASE_EDITIONS } from "@codex-policy/spec";
import { describe, expect, it } from "vitest";
import pinned from "../data/features-0.169.json";
import byRelease from "../data/features-by-release.json";
import { EDITIONS } from "../src/editions.js";
import { CATALOGUE_0_169, catalogueFor } from "../src/features/catalogue.js";
import { req, run } from "./helpers.js";

const rows = (c: { all: readonly { key: string; stage: string; default: boolean }[] }) =>
  Object.fromEntries(c.all.map((f) => [f.key, `${f.stage}/${f.default}`]));

describe("feature catalogues by release (codex features list of each release)", () => {
  it("has read every release from 0.128 to the newest", () => {
    const wanted = RELEASE_EDITIONS.map((e) => editionRelease(e)!).filter(
      (v) => Number(v.split(".")[1]) >= 128,
    );
    expect(byRelease.read).toEqual(expect.arrayContaining(wanted));
  });
  it("agrees with the pinned binary's probed catalogue on 0.169.0", () => {
    const probed = Object.fromEntries(pinned.features.map((f) => [f.key, `${f.stage}/${f.default}`]));
    expect(rows(catalogueFor("0.169.0"))).toEqual(probed);
    expect(catalogueFor("0.169.0").all.length).toBe(CATALOGUE_0_169.all.length);
  });
  it("0.171 adds nine features and turns tui_workspace on; 0.169 has neither", () => {
    const c171 = catalogueFor("0.171.0");
    const c169 = catalogueFor("0.169.0");
    const added = c171.all.filter((f) => !c169.spec(f.key)).map((f) => f.key);
    expect(added).toEqual(
      expect.arrayContaining(["catalog_apps_instructions", "safe_image_decoder", "utc_environment_date"]),
    );
    expect(c171.spec("tui_workspace")?.default).toBe(true);
    expect(c169.spec("tui_workspace")?.default).not.toBe(true);
  });
  it("each edition resolves the features of its release", () => {
    const s = req('allowed_approval_policies = ["on-request"]');
    const f171 = run(s, "codex-0.171").effective?.features ?? {};
    const f169 = run(s, "codex-0.169").effective?.features ?? {};
    const f128 = run(s, "codex-0.128").effective?.features ?? {};
    expect(f171.utc_environment_date).toEqual({
      enabled: false,
      stage: "under development",
      source: "default",
    });
    expect(f169.utc_environment_date).toBeUndefined();
    expect(Object.keys(f128).length).toBe(catalogueFor("0.128.0").all.length);
    expect(Object.keys(f128).length).toBeLessThan(Object.keys(f169).length);
  });
  it("a pin on a feature the release does not know yet is the unknown-pin warning", () => {
    const s = req("[features]\nutc_environment_date = true");
    expect(run(s, "codex-0.171").warnings).toEqual([]);
    expect(run(s, "codex-0.169").warnings.map((w) => w.code)).toEqual(["unknown-feature-requirement"]);
  });
  it("documented keeps the pinned binary's catalogue", () => {
    expect(EDITIONS.documented.featureRelease).toBe("0.169.0");
  });
});

describe("a feature 0.169 lists as removed is live in the releases that still have it (binary 0.140.0: personality)", () => {
  const pinned = req("[features]\npersonality = false");
  const configured = { user: { config: "[features]\npersonality = false" } };
  it("0.140 honours the pin and the config toggle", () => {
    expect(run(pinned, "codex-0.140").effective?.features.personality).toMatchObject({
      enabled: false,
      pinned_by: "system",
    });
    expect(run(configured, "codex-0.140").effective?.features.personality).toMatchObject({
      enabled: false,
      source: "user",
    });
  });
  it("0.169 ignores both (the feature is removed there)", () => {
    expect(run(pinned, "codex-0.169").effective?.features.personality?.pinned_by).toBeUndefined();
    expect(run(configured, "codex-0.169").effective?.features.personality?.source).not.toBe("user");
  });
});

describe("--enable and --disable name features of the release (binary 0.128.0, 0.169.0)", () => {
  const flag = (session: { enable?: string[]; disable?: string[] }) =>
    req('allowed_sandbox_modes = "read-only"', { session });
  it("a feature 0.128 does not list stops it before requirements are read", () => {
    const o = run(flag({ enable: ["hooks"] }), "codex-0.128");
    expect(o.status).toBe("refused");
    expect(o.errors).toEqual([
      { code: "unknown-feature-flag", layer: "session", message: "Unknown feature flag: hooks" },
    ]);
    expect(o.warnings).toEqual([]);
  });
  it("0.169 lists it, so the requirements error is the one reported", () => {
    expect(run(flag({ disable: ["hooks"] }), "codex-0.169").errors[0]?.code).toBe("invalid-type");
  });
  it("an alias counts as a name the release knows", () => {
    expect(run(req("", { session: { enable: ["collab"] } }), "codex-0.169").status).toBe("ok");
  });
});
