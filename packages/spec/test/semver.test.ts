import { describe, expect, it } from "vitest";
import { rangeProblem, satisfies } from "../src/semver.js";

describe("satisfies", () => {
  it.each([
    ["0.169.0", "*", true],
    ["0.169.0", ">=0.142.0", true],
    ["0.141.9", ">=0.142.0", false],
    ["0.169.0", ">=0.142.0 <0.169.0", false],
    ["0.168.3", ">=0.142.0 <0.169.0", true],
    ["0.169.0", "<=0.169.0", true],
    ["0.169.1", "<=0.169.0", false],
    ["0.170.0", ">0.169.0", true],
    ["0.169.0", ">0.169.0", false],
    ["0.169.0", "=0.169.0", true],
    ["0.169.0", "0.169", true],
    ["1.2.0", "<1.0.0 || >=1.2.0", true],
    ["1.1.0", "<1.0.0 || >=1.2.0", false],
  ])("%s in %s is %s", (v, r, want) => {
    expect(satisfies(v, r)).toBe(want);
  });

  it("rejects malformed ranges and versions", () => {
    expect(rangeProblem(">=banana")).toMatch(/bad version range/);
    expect(rangeProblem(">=0.1.0 <0.2")).toBeNull();
    expect(() => satisfies("next", "*")).toThrow(/not a version/);
  });
});
