import { describe, expect, it } from "vitest";
import { CHANNELS, channelsFor, underPrefix, unobservedFor } from "../src/channels.js";

describe("channelsFor", () => {
  it("always includes requirements and adds only what the paths need", () => {
    expect(channelsFor([])).toEqual(["requirements"]);
    expect(channelsFor(["requirements.allowed_sandbox_modes.value"])).toEqual(["requirements"]);
    // A thread can fail to start after the startup config loaded, so status needs the session.
    expect(channelsFor(["status"])).toEqual(["requirements", "session"]);
    expect(channelsFor(["effective.approval_policy", "warnings.0.code"])).toEqual([
      "requirements",
      "session",
    ]);
    expect(channelsFor(["effective.web_search"])).toEqual(["requirements", "web_search"]);
    expect(channelsFor(["effective.commands.0.outcome"])).toEqual(["requirements", "commands"]);
    expect(
      channelsFor(["effective.mcp_servers.other.enabled", "effective.features.shell_tool.enabled"]),
    ).toEqual(["requirements", "features", "mcp"]);
    expect(channelsFor(["effective.hooks"])).toEqual(["requirements", "hooks"]);
  });

  it("a whole-effective or whole-warnings expectation needs the channels under it", () => {
    expect(channelsFor(["effective"])).toEqual([...CHANNELS]);
    expect(channelsFor(["warnings"])).toContain("session");
  });

  it("unobservedFor lists the prefixes of skipped channels", () => {
    const u = unobservedFor(["requirements", "session"]);
    expect(u).toEqual(
      expect.arrayContaining(["effective.web_search", "effective.features", "effective.commands", "notices"]),
    );
    expect(u).not.toContain("effective.approval_policy");
    expect(u).not.toContain("requirements");
  });

  it("underPrefix matches segments, with * for one segment", () => {
    expect(underPrefix("effective.features.x.pinned_by", "effective.features.*.pinned_by")).toBe(true);
    expect(underPrefix("effective.features.x.enabled", "effective.features.*.pinned_by")).toBe(false);
    expect(underPrefix("effective.web_search_x", "effective.web_search")).toBe(false);
    expect(underPrefix("warnings.0.code", "warnings")).toBe(true);
  });
});
