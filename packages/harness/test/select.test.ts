import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { inShard, parseShard, parseTags, selectCases, tagsMatch } from "../src/select.js";
import { makeCase } from "./helpers.js";

describe("sharding", () => {
  test.prop([
    fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9.-]{0,20}$/), { maxLength: 60 }),
    fc.integer({ min: 1, max: 7 }),
  ])("every case lands in exactly one shard", (ids, n) => {
    for (const id of ids) {
      const hits = Array.from({ length: n }, (_, i) => inShard(id, { index: i + 1, count: n })).filter(
        Boolean,
      );
      expect(hits).toHaveLength(1);
    }
  });

  it("spreads cases across shards", () => {
    const ids = Array.from({ length: 200 }, (_, i) => `case-${i}`);
    for (let i = 1; i <= 4; i++) {
      const k = ids.filter((id) => inShard(id, { index: i, count: 4 })).length;
      expect(k).toBeGreaterThan(25);
    }
  });

  it("parses i/n and rejects nonsense", () => {
    expect(parseShard("2/3")).toEqual({ index: 2, count: 3 });
    for (const bad of ["0/3", "4/3", "1/0", "a/b", "1"]) expect(() => parseShard(bad)).toThrow(/--shard/);
  });
});

describe("filters", () => {
  it("matches tags with includes and excludes", () => {
    const f = parseTags("cloud,mdm,!slow");
    expect(tagsMatch(["cloud"], f)).toBe(true);
    expect(tagsMatch(["cloud", "slow"], f)).toBe(false);
    expect(tagsMatch(["rules"], f)).toBe(false);
    expect(tagsMatch(["rules"], parseTags("!slow"))).toBe(true);
  });

  it("filters cases by Codex version range", () => {
    const cases = [
      makeCase({ id: "old", codex: "<0.150.0" }),
      makeCase({ id: "new", codex: ">=0.160.0" }),
      makeCase({ id: "any" }),
    ];
    expect(selectCases(cases, { codexVersion: "0.169.0" }).map((c) => c.id)).toEqual(["new", "any"]);
    expect(selectCases(cases, { codexVersion: "0.140.0" }).map((c) => c.id)).toEqual(["old", "any"]);
  });
});
