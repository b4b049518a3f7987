import { describe, expect, it } from "vitest";
import { globMatches, matchHostname, normalizeHost } from "../src/requirements/hostname.js";

describe("hostname used for remote_sandbox_config (oracle d13-d16, d33)", () => {
  it("uses the FQDN when it contains a dot", () => {
    expect(matchHostname({ hostname: "box1", fqdn: "box1.devbox.example.com" })).toBe(
      "box1.devbox.example.com",
    );
  });
  it("falls back to the kernel hostname when the canonical name has no dot", () => {
    expect(matchHostname({ hostname: "box1", fqdn: "box1" })).toBe("box1");
    expect(matchHostname({ hostname: "Box1." })).toBe("box1");
  });
  it("normalizes case, whitespace and trailing dots", () => {
    expect(normalizeHost("  BOX1.DevBox.Example.COM.. ")).toBe("box1.devbox.example.com");
  });
});

describe("hostname_patterns glob (oracle rule 31-32)", () => {
  const cases: [string, string, boolean][] = [
    ["*.devbox.example.com", "box1.devbox.example.com", true],
    ["*.devbox.example.com", "a.b.devbox.example.com", true], // * spans dots (d04)
    ["*.devbox.example.com", "devbox.example.com", false], // needs the literal dot (d03)
    ["*", "anything.at.all", true], // d17
    ["box?.example.com", "box1.example.com", true], // d09
    ["box?.example.com", "box12.example.com", false], // d10
    ["box[1].example.com", "box1.example.com", false], // [ is literal (d20)
    ["box[1].example.com", "box[1].example.com", true],
    [".devbox.example.com", "box1.devbox.example.com", false], // no suffix match (d21)
    ["box1.example.com", "box1.example.com.evil", false], // exact otherwise (d12)
    ["BOX1.EXAMPLE.COM.", "box1.example.com", true], // case and trailing dot (d06, d07)
    ["  box1.example.com  ", "box1.example.com", true], // whitespace trimmed (d22)
    ["", "box1", false],
    ["**", "", true],
    ["a*b*c", "aXXbYYc", true],
    ["a*b*c", "aXXbYY", false],
  ];
  it.each(cases)("%s vs %s -> %s", (pattern, host, want) => {
    expect(globMatches(pattern, host)).toBe(want);
  });
});
