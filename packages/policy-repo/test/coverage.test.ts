import { expandTests } from "@codex-policy/harness";
import { describe, expect, it } from "vitest";
import {
  type Coverage,
  coverageItems,
  coverageJson,
  coverageTable,
  loadPolicyRepo,
  policyCoverage,
} from "../src/index.js";
import { REQUIREMENTS, writeRepo } from "./helpers.js";

const REF = 'requirements = { file = "policies/requirements.toml" }';

function coverageOf(files: Record<string, string>): Coverage {
  const repo = loadPolicyRepo(writeRepo(files));
  return policyCoverage(repo.policies, repo.cases.flatMap(expandTests));
}

const decided = (c: Coverage, file: string) =>
  Object.fromEntries(c.files.find((f) => f.file === file)!.items.map((i) => [i.label, i.decidedBy]));

describe("coverageItems: the rules a policy file holds", () => {
  it("lists fields, remote sandbox entries, prefix rules, allowlist entries, pins and hook groups, located", () => {
    const text = `${REQUIREMENTS}
[features]
hooks = true

[[hooks.PreToolUse]]
matcher = "Bash"
[[hooks.PreToolUse.hooks]]
type = "command"
command = "/etc/codex/hooks/check.sh"
`;
    const { items } = coverageItems({ file: "r.toml", text, kinds: ["requirements"] });
    expect(items.map((i) => [i.kind, i.label, i.line])).toEqual([
      ["requirement", "allowed_approval_policies", 1],
      ["requirement", "allowed_web_search_modes", 2],
      ["remote_sandbox_config", "remote_sandbox_config[0] (*.devbox.example.com)", 4],
      ["prefix_rule", "prefix_rules[0] rm → forbidden", 10],
      ["prefix_rule", "prefix_rules[1] curl → prompt", 11],
      ["mcp_allowlist", "mcp_servers.docs", 14],
      ["feature_pin", "features.hooks = true", 18],
      ["hook", "hooks.PreToolUse[0] (Bash)", 20],
    ]);
  });

  it("reads a managed_config's requirement-bearing keys, a cloud file's rules, and nothing from broken TOML", () => {
    const legacy = coverageItems({
      file: "managed_config.toml",
      text: 'model = "x"\napproval_policy = "on-request"\n',
      kinds: [],
    });
    expect(legacy.items.map((i) => [i.label, i.decides, i.line])).toEqual([
      ["approval_policy (as allowed_approval_policies)", ["allowed_approval_policies"], 2],
    ]);
    const cloud = coverageItems({
      file: "cloud.toml",
      text: 'default = ""\n[[rules]]\nname = "A"\ngroups = ["a"]\n',
      kinds: ["cloud"],
    });
    expect(cloud.items.map((i) => [i.label, i.line])).toEqual([
      ['rules[0] "A" (a)', 2],
      ["default (no rule matched)", 1],
    ]);
    expect(coverageItems({ file: "x.toml", text: "[x", kinds: [] })).toMatchObject({ items: [] });
    expect(coverageItems({ file: "x.toml", text: "[x", kinds: [] }).parseError).toBeTruthy();
  });
});

describe("policyCoverage: which rules decided at least one test, from the engine's trace", () => {
  it("credits only what a test exercised, and names the tests", () => {
    const c = coverageOf({
      "policies/requirements.toml": REQUIREMENTS,
      "policies/unused.toml": 'allowed_sandbox_modes = ["read-only"]\n',
      "tests/a.toml": `description = "a"
[scenario.system]
${REF}
[[tests]]
id = "never"
[tests.scenario.user]
config = 'approval_policy = "never"'
[[tests]]
id = "devbox"
[tests.scenario.host]
hostname = "b"
fqdn = "b.devbox.example.com"
[tests.scenario.probe]
commands = ["rm -rf x", "ls"]
[[tests]]
id = "only-loads"
`,
    });
    expect(decided(c, "policies/requirements.toml")).toEqual({
      allowed_approval_policies: ["a:never"],
      allowed_web_search_modes: [],
      "remote_sandbox_config[0] (*.devbox.example.com)": ["a:devbox"],
      "prefix_rules[0] rm → forbidden": ["a:devbox"],
      "prefix_rules[1] curl → prompt": [],
      "mcp_servers.docs": [],
    });
    const file = c.files.find((f) => f.file === "policies/requirements.toml")!;
    expect(file.usedBy).toBe(3);
    expect(c.files.find((f) => f.file === "policies/unused.toml")).toMatchObject({ kinds: [], usedBy: 0 });
    expect(c).toMatchObject({ items: 7, decided: 3, percent: 42.8 });
  });

  it("credits the cloud group rule in force and the documents it delivered, by file", () => {
    const c = coverageOf({
      "policies/contractors.toml": 'allowed_web_search_modes = ["cached"]\n',
      "policies/cloud.toml": `default = 'allowed_web_search_modes = ["cached"]'
[[rules]]
name = "Contractors"
groups = ["contractors"]
requirements = { file = "policies/contractors.toml" }
[[rules]]
name = "Staff"
groups = ["staff"]
requirements = ""
`,
      "tests/cloud.toml": `description = "cloud"
[scenario.cloud]
file = "policies/cloud.toml"
cache = "valid"
[scenario.identity]
auth = "chatgpt"
plan = "enterprise"
groups = ["contractors", "staff"]
[scenario.user]
config = 'web_search = "live"'
[[tests]]
id = "contractor"
[[tests]]
id = "signed-out"
[tests.scenario.identity]
auth = "none"
`,
    });
    expect(decided(c, "policies/cloud.toml")).toEqual({
      'rules[0] "Contractors" (contractors)': ["cloud:contractor"],
      'rules[1] "Staff" (staff)': [],
      "default (no rule matched)": [],
    });
    expect(decided(c, "policies/contractors.toml")).toEqual({
      allowed_web_search_modes: ["cloud:contractor"],
    });
  });

  it("credits a legacy managed_config key that decided as a requirement", () => {
    const c = coverageOf({
      "policies/managed_config.toml": 'approval_policy = "on-request"\n',
      "tests/legacy.toml": `description = "legacy"
editions = ["codex-0.130"]
[scenario.system]
managed_config = { file = "policies/managed_config.toml" }
[scenario.user]
config = 'approval_policy = "never"'
[[tests]]
id = "a"
`,
    });
    expect(decided(c, "policies/managed_config.toml")).toEqual({
      "approval_policy (as allowed_approval_policies)": ["legacy:a"],
    });
  });

  it("credits feature pins and managed hook groups from an MDM payload file", () => {
    const c = coverageOf({
      "policies/mdm.toml": `[features]
hooks = true

[hooks]
managed_dir = "/etc/codex/hooks"

[[hooks.PreToolUse]]
matcher = "Bash"
[[hooks.PreToolUse.hooks]]
type = "command"
command = "/etc/codex/hooks/check.sh"

[[hooks.PostToolUse]]
matcher = "Never"
`,
      "tests/mdm.toml": `description = "mdm"
[scenario.host]
os = "macos"
[scenario.mdm]
requirements_toml_base64 = { file = "policies/mdm.toml" }
[[tests]]
id = "a"
`,
    });
    expect(decided(c, "policies/mdm.toml")).toEqual({
      "features.hooks = true": ["mdm:a"],
      "hooks.PreToolUse[0] (Bash)": ["mdm:a"],
      "hooks.PostToolUse[0] (Never)": [],
    });
  });

  it("is 100 % of nothing when the files hold no rules", () => {
    expect(policyCoverage([], [])).toEqual({ files: [], items: 0, decided: 0, percent: 100 });
  });
});

describe("coverage reports", () => {
  const c = coverageOf({
    "policies/requirements.toml":
      'allowed_approval_policies = ["on-request"]\nallowed_web_search_modes = ["cached"]\n',
    "policies/spare.toml": 'allowed_sandbox_modes = ["read-only"]\n',
    "tests/a.toml": `description = "a"\n[scenario.system]\n${REF}\n[[tests]]\nid = "x"\n[tests.scenario.user]\nconfig = 'approval_policy = "never"'\n`,
  });

  it("the table marks each rule with its place and the tests it decided, or why it has none", () => {
    expect(coverageTable(c)).toBe(`Policy coverage: 1 of 3 rules decided at least one test (33.3%)

policies/requirements.toml  (requirements; used by 1 test)  1/2
  ✓ 1:1  allowed_approval_policies  a:x
  ✗ 2:1  allowed_web_search_modes   never decided a test (dead or untested)

policies/spare.toml  (no test uses it)  0/1
  ✗ 1:1  allowed_sandbox_modes  untested: no test loads this file
`);
  });

  it("JSON carries the totals, every rule and, with a minimum, whether it was met", () => {
    const j = JSON.parse(coverageJson(c, 50));
    expect(j).toMatchObject({ items: 3, decided: 1, percent: 33.3, min: 50, ok: false });
    expect(j.files[0].items[0]).toMatchObject({ kind: "requirement", line: 1, decidedBy: ["a:x"] });
  });
});
