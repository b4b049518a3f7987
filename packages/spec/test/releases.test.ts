import { describe, expect, it } from "vitest";
import {
  ALL_EDITIONS,
  Edition,
  editionForVersion,
  PUBLISHED_MINORS,
  parseEdition,
  RELEASES,
} from "../src/index.js";

describe("edition names", () => {
  it("reads every published minor, a published patch as its minor, and codex-latest", () => {
    expect(parseEdition("codex-0.150")).toEqual({ ok: true, edition: "codex-0.150" });
    expect(parseEdition("codex-0.142.3")).toEqual({ ok: true, edition: "codex-0.142" });
    expect(parseEdition("codex-latest")).toEqual({ ok: true, edition: "codex-0.171" });
    expect(parseEdition("documented")).toEqual({ ok: true, edition: "documented" });
    for (const m of PUBLISHED_MINORS)
      expect(parseEdition(`codex-0.${m}`)).toEqual({ ok: true, edition: `codex-0.${m}` });
  });
  it("refuses a release before 0.77, saying requirements.toml is not read there", () => {
    const p = parseEdition("codex-0.75");
    expect(p).toMatchObject({ ok: false, code: "edition-too-old" });
    expect(!p.ok && p.message).toContain("requirements.toml is not read before 0.77.0");
  });
  it("refuses an unpublished minor or patch, naming the nearest published releases", () => {
    expect(parseEdition("codex-0.126")).toMatchObject({ ok: false, code: "edition-unpublished" });
    const p = parseEdition("codex-0.126");
    expect(!p.ok && p.message).toContain("codex-0.125 and codex-0.128");
    const q = parseEdition("codex-0.142.9");
    expect(!q.ok && q.message).toContain("0.142.0, 0.142.1");
  });
  it("refuses anything else, listing the valid forms", () => {
    for (const bad of ["codex-1.0", "0.169-beta", "", "codex-0.169.x"]) {
      const p = parseEdition(bad);
      expect(p.ok).toBe(false);
      expect(!p.ok && p.message).toMatch(/codex-0\.<minor>|newest modelled release/);
    }
  });
  it("has one edition per published minor, oldest first, then documented", () => {
    const minors = [...new Set(RELEASES.map((r) => Number(r.version.split(".")[1])))];
    expect(ALL_EDITIONS).toEqual([...minors.map((m) => `codex-0.${m}`), "documented"]);
    expect(ALL_EDITIONS[0]).toBe("codex-0.77");
    expect(minors).toEqual([...minors].sort((a, b) => a - b));
  });
  it("canonicalises editions in scenarios and reports bad ones through the schema", () => {
    expect(Edition.parse("codex-0.142.3")).toBe("codex-0.142");
    const r = Edition.safeParse("codex-0.78");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain("0.78 was never published");
  });
  it("maps a binary's version to its edition, newer ones to codex-latest with a note", () => {
    expect(editionForVersion("codex-cli 0.169.1")).toEqual({ ok: true, edition: "codex-0.169" });
    const newer = editionForVersion("0.180.0");
    expect(newer).toMatchObject({ ok: true, edition: "codex-0.171" });
    expect(newer.ok && newer.note).toContain("newer than the newest modelled release");
  });
});
