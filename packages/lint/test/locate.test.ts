import { describe, expect, it } from "vitest";
import { locateKey } from "../src/locate.js";

const text = [
  "# policy", // 1
  'allowed_approval_policies = ["on-request", "never"]', // 2
  "", // 3
  "[rules]", // 4
  "prefix_rules = [", // 5
  '  { pattern = [{ token = "rm" }], decision = "forbidden" },', // 6
  '  { pattern = [{ token = "ls" }], decision = "allow" },', // 7
  "]", // 8
  "", // 9
  "[[remote_sandbox_config]]", // 10
  'hostname_patterns = ["a"]', // 11
  "[[remote_sandbox_config]]", // 12
  'hostname_patterns = ["b"]', // 13
  "features.shell_tool = true", // 14
].join("\n");

describe("locateKey", () => {
  it("finds a top-level key at its first character, spanning the key", () => {
    expect(locateKey(text, ["allowed_approval_policies"])).toEqual({
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 26,
    });
  });
  it("finds a key inside its table, and the table's header", () => {
    expect(locateKey(text, ["rules", "prefix_rules"])?.line).toBe(5);
    expect(locateKey(text, ["rules"])?.line).toBe(4);
  });
  it("finds the n-th element of an inline array", () => {
    const second = locateKey(text, ["rules", "prefix_rules", 1]);
    expect(second).toMatchObject({ line: 7, column: 3 });
    expect(text.split("\n")[6]!.slice(second!.column - 1, second!.endColumn - 1)).toBe(
      '{ pattern = [{ token = "ls" }], decision = "allow" }',
    );
  });
  it("finds the n-th [[array]] table", () => {
    expect(locateKey(text, ["remote_sandbox_config", 0])?.line).toBe(10);
    expect(locateKey(text, ["remote_sandbox_config", 1])?.line).toBe(12);
  });
  it("finds dotted keys written in a table's scope", () => {
    // Line 14 sits under [[remote_sandbox_config]], so it is that entry's key, not the top level's.
    expect(locateKey(text, ["features", "shell_tool"])).toBeNull();
    expect(locateKey("features.shell_tool = true\n", ["features", "shell_tool"])?.line).toBe(1);
    expect(locateKey("features.shell_tool = true\n", ["features"])?.line).toBe(1);
  });
  it("answers null for a path the text does not spell", () => {
    expect(locateKey(text, ["mcp_servers"])).toBeNull();
    expect(locateKey(text, [])).toBeNull();
  });
});
