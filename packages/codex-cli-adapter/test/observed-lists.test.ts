import { describe, expect, it } from "vitest";
import { mapFeaturesOrThrow } from "../src/map/lists.js";
import { parseFeaturesList } from "../src/map/observed-lists.js";

describe("features list rows", () => {
  it("reads space-padded columns, a stage with a space in it included", () => {
    const out = parseFeaturesList(
      "apps                     stable             true\nchronicle                under development  false\n",
    );
    expect(out).toEqual({
      apps: { enabled: true, stage: "stable" },
      chronicle: { enabled: false, stage: "under development" },
    });
  });

  it("reads the tab-separated columns of releases up to 0.89 (0.80.0 here)", () => {
    const out = parseFeaturesList(
      "undo\tstable\tfalse\nshell_tool\tstable\ttrue\nweb_search_cached\texperimental\tfalse\n",
    );
    expect(out).toEqual({
      undo: { enabled: false, stage: "stable" },
      shell_tool: { enabled: true, stage: "stable" },
      web_search_cached: { enabled: false, stage: "experimental" },
    });
  });

  it("refuses a row it cannot read instead of reporting no features", () => {
    const r = {
      args: ["features", "list"],
      code: 0,
      stdout: "shell_tool stable true\n",
      stderr: "",
      timedOut: false,
    };
    expect(() => mapFeaturesOrThrow(r)).toThrow(/cannot read: "shell_tool stable true"/);
  });
});
