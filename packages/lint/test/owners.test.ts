import { describe, expect, it } from "vitest";
import { lineOwners } from "../src/owners.js";

describe("lineOwners", () => {
  it("gives each line the top-level key it belongs to, across multi-line values and tables", () => {
    const text = [
      "# comment", // null
      "a = [", // a
      '  "x", # ] in a comment', // a
      '  "]",', // a: a bracket in a string
      "]", // a
      'b.c = """', // b
      "[not a header]", // b: inside a multi-line string
      '"""', // b
      "", // null
      "[rules]", // rules
      "prefix_rules = [", // rules
      '  { pattern = [{ token = "rm" }], decision = "forbidden" },', // rules
      "]", // rules
      "[[remote_sandbox_config]]", // remote_sandbox_config
      'hostname_patterns = ["a"]', // remote_sandbox_config
      "[ 'quoted key' . sub ]", // quoted key
      "x = 1", // quoted key
    ].join("\n");
    expect(lineOwners(text)).toEqual([
      null,
      "a",
      "a",
      "a",
      "a",
      "b",
      "b",
      "b",
      null,
      "rules",
      "rules",
      "rules",
      "rules",
      "remote_sandbox_config",
      "remote_sandbox_config",
      "quoted key",
      "quoted key",
    ]);
  });
});
