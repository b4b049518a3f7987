import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkNoNewAccess,
  defaultRoster,
  grantsMore,
  groupImpacts,
  groupLines,
  type ImpactInputError,
  impactOf,
  markdownImpact,
  type RosterEntry,
  readableImpact,
  readPolicyVersion,
} from "../src/index.js";
import { files, NEW, OLD } from "./helpers.js";

const person = (name: string, count: number, over: Partial<RosterEntry> = {}): RosterEntry => ({
  name,
  count,
  identity: { auth: "none", groups: [] },
  host: { os: "linux", hostname: "laptop" },
  commands: [],
  ...over,
});

const dir = files({
  "old/requirements.toml": OLD,
  "new/requirements.toml": NEW,
  "same/requirements.toml": OLD,
});
const before = readPolicyVersion(join(dir, "old"));
const after = readPolicyVersion(join(dir, "new"));

describe("impactOf and its groups", () => {
  const roster = [
    person("contractors", 12, {
      identity: { auth: "none", groups: ["contractors"] },
      userConfig: 'sandbox_mode = "danger-full-access"',
    }),
    person("more contractors", 3, {
      identity: { auth: "none", groups: ["contractors"] },
      userConfig: 'sandbox_mode = "danger-full-access"',
    }),
    person("devbox", 40, {
      host: { os: "linux", hostname: "box", fqdn: "box.devbox.example.com" },
      userConfig:
        'sandbox_mode = "danger-full-access"\n[mcp_servers.jira]\nurl = "https://mcp.example.com/jira"',
      commands: ["git push origin main", "ls"],
    }),
    person("nothing configured", 5),
  ];
  const impacts = impactOf(before, after, roster, "codex-0.171");

  it("finds what each person gains or loses, from the engine", () => {
    const devbox = impacts[2]!.changes;
    expect(devbox).toContainEqual({ path: "effective.mcp_servers.jira.enabled", before: true, after: false });
    expect(devbox).toContainEqual({ path: "effective.commands.0.outcome", before: "run", after: "ask-user" });
    expect(devbox.some((c) => c.path === "effective.sandbox_mode")).toBe(false);
    expect(impacts[0]!.changes).toContainEqual({
      path: "effective.sandbox_mode",
      before: "danger-full-access",
      after: "read-only",
    });
    expect(impacts[3]!.changes).toEqual([]);
    expect(impacts.flatMap((i) => i.changes).some((c) => c.path.startsWith("requirements."))).toBe(false);
  });

  it("groups people with identical changes, largest first, in words", () => {
    const groups = groupImpacts(impacts);
    expect(groups.map((g) => [g.people, g.entries.map((e) => e.name)])).toEqual([
      [40, ["devbox"]],
      [15, ["contractors", "more contractors"]],
    ]);
    expect(groupLines(groups[1]!)).toContain("sandbox danger-full-access → read-only");
    expect(groupLines(groups[0]!)).toEqual([
      "lose MCP server jira",
      "`git push origin main`: run → ask-user",
    ]);
    const text = readableImpact({
      before: "old",
      after: "new",
      edition: "codex-0.171",
      roster: { source: "r.toml", entries: 4, people: 60, generated: false },
      impacts,
    });
    expect(text).toContain("55 of 60 people (3 of 4 entries) see a change");
    expect(text).toContain("15 people in group contractors (contractors, more contractors)\n  ");
    const md = markdownImpact({
      before: "old",
      after: "new",
      edition: "codex-0.171",
      roster: { source: "r.toml", entries: 4, people: 60, generated: false },
      impacts,
    });
    expect(md).toContain(
      "| 40 people (devbox) | lose MCP server jira<br>`git push origin main`: run → ask-user |",
    );
  });

  it("finds nothing when the policies resolve alike", () => {
    const same = readPolicyVersion(join(dir, "same"));
    expect(impactOf(before, same, roster, "codex-0.171").every((i) => i.changes.length === 0)).toBe(true);
  });
});

describe("defaultRoster", () => {
  it("covers each group, host pattern, MCP entry and prefix rule the policies name", () => {
    const cloudDir = files({
      "c/cloud.toml":
        '[[rules]]\nname = "C"\ngroups = ["contractors"]\nrequirements = \'allowed_web_search_modes = ["cached"]\'\n',
      "c/requirements.toml": NEW,
    });
    const withCloud = readPolicyVersion(join(cloudDir, "c"));
    const roster = defaultRoster(before, withCloud);
    const names = roster.map((e) => e.name);
    expect(names).toContain("group contractors, *.devbox.example.com, asking for everything");
    expect(names).toContain("no group, laptop, asking for workspace-write");
    expect(names).toContain("no group, laptop, configuring nothing");
    const devbox = roster.find((e) => e.name.startsWith("no group, *.devbox"))!;
    expect(devbox.host).toEqual({ os: "linux", hostname: "host", fqdn: "host.devbox.example.com" });
    expect(devbox.userConfig).toContain('[mcp_servers.jira]\nurl = "https://mcp.example.com/jira"');
    expect(devbox.userConfig).toContain('[mcp_servers.github]\ncommand = "github-mcp"');
    expect(devbox.commands).toEqual(["git push"]);
    expect(devbox.identity).toEqual({ auth: "chatgpt", plan: "enterprise", groups: [] });
    // Without cloud rules, groups make no difference and get no entries.
    expect(defaultRoster(before, after).some((e) => e.name.startsWith("group "))).toBe(false);
  });
});

describe("readPolicyVersion", () => {
  it("reads a file or a directory, and says what is wrong with a path", () => {
    expect(readPolicyVersion(join(dir, "old/requirements.toml")).system.requirements).toBe(OLD);
    const err = (p: string) => {
      try {
        readPolicyVersion(p);
      } catch (e) {
        return (e as ImpactInputError).code;
      }
      return "none";
    };
    expect(err(join(dir, "nope"))).toBe("input-missing");
    expect(err(files({ "x.txt": "" }))).toBe("input-no-policy");
  });
});

describe("checkNoNewAccess", () => {
  it("holds when the new policy only narrows, and says how much it explored", () => {
    const r = checkNoNewAccess(before, after, "codex-0.171");
    expect(r.counterexample).toBeUndefined();
    // No cloud rules: one identity; a laptop and a devbox host; every approval, sandbox, web search and
    // reviewer choice, unset included.
    expect(r.dimensions).toEqual({ identities: 1, hosts: 2, configs: 5 * 4 * 5 * 4 });
    expect(r.explored).toBe(800);
  });

  it("finds the counterexample with the fewest configured keys when the new policy widens", () => {
    const r = checkNoNewAccess(after, before, "codex-0.171");
    expect(r.counterexample?.entry.userConfig).not.toMatch(/approval_policy|sandbox_mode|web_search/);
    expect(r.counterexample?.gains).toContainEqual({
      path: "effective.mcp_servers.jira.enabled",
      before: false,
      after: true,
    });
    expect(r.explored).toBe(1);
  });

  it("counts a wider setting, a server or feature turned on, a command let through and a start as gains", () => {
    const g = (path: string, b: unknown, a: unknown) => grantsMore({ path, before: b, after: a });
    expect(g("effective.sandbox_mode", "read-only", "workspace-write")).toBe(true);
    expect(g("effective.sandbox_mode", "danger-full-access", "read-only")).toBe(false);
    expect(g("effective.approval_policy", "on-request", "never")).toBe(true);
    expect(g("effective.web_search", "live", "cached")).toBe(false);
    expect(g("effective.approvals_reviewer", "user", "auto_review")).toBe(true);
    expect(g("effective.features.apps.enabled", false, true)).toBe(true);
    expect(g("effective.mcp_servers.x.enabled", true, false)).toBe(false);
    expect(g("effective.commands.0.outcome", "rejected", "ask-user")).toBe(true);
    expect(g("status", "refused", "ok")).toBe(true);
    expect(g("warnings", [], ["x"])).toBe(false);
  });

  it("a feature one policy pins off and the other leaves to users is a gain", () => {
    const d = files({
      "off/requirements.toml": "[features]\napps = false\n",
      "open/requirements.toml": 'allowed_web_search_modes = ["cached"]\n',
    });
    const r = checkNoNewAccess(
      readPolicyVersion(join(d, "off")),
      readPolicyVersion(join(d, "open")),
      "codex-0.171",
    );
    expect(r.counterexample?.gains).toContainEqual({
      path: "effective.features.apps.enabled",
      before: false,
      after: true,
    });
    expect(r.counterexample?.entry.userConfig).toContain("[features]\napps = true");
  });

  it("a cloud policy: one identity per group the rules name", () => {
    const cloudDir = files({
      "a/cloud.toml":
        '[[rules]]\nname = "C"\ngroups = ["contractors"]\nrequirements = \'allowed_web_search_modes = ["cached"]\'\n',
      "b/cloud.toml":
        '[[rules]]\nname = "C"\ngroups = ["contractors"]\nrequirements = \'allowed_web_search_modes = ["cached", "live"]\'\n',
    });
    const a = readPolicyVersion(join(cloudDir, "a"));
    const b = readPolicyVersion(join(cloudDir, "b"));
    const widened = checkNoNewAccess(a, b, "codex-0.171");
    expect(widened.dimensions.identities).toBe(3);
    expect(widened.counterexample?.entry.identity.groups).toEqual(["contractors"]);
    expect(widened.counterexample?.gains).toContainEqual({
      path: "effective.web_search",
      before: "cached",
      after: "live",
    });
    expect(checkNoNewAccess(b, a, "codex-0.171").counterexample).toBeUndefined();
  });
});
