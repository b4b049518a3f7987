import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ImpactInputError, readRoster } from "../src/index.js";
import { files } from "./helpers.js";

const error = (f: () => unknown): ImpactInputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof ImpactInputError) return e;
    throw e;
  }
  throw new Error("no error");
};

describe("readRoster", () => {
  it("reads TOML [[entry]] tables and CSV rows alike", () => {
    const dir = files({
      "r.toml": `[[entry]]
name = "backend"
count = 40
groups = ["backend", "staff"]
plan = "enterprise"
hostname = "box1"
fqdn = "box1.devbox.example.com"
user_config = '''
sandbox_mode = "workspace-write"
'''
commands = ["git push"]
`,
      "r.csv":
        'name,count,groups,plan,hostname,fqdn,user_config,commands\nbackend,40,backend;staff,enterprise,box1,box1.devbox.example.com,"sandbox_mode = ""workspace-write""\n",git push\n',
    });
    const toml = readRoster(join(dir, "r.toml"));
    expect(toml).toEqual([
      {
        name: "backend",
        count: 40,
        identity: { auth: "chatgpt", plan: "enterprise", groups: ["backend", "staff"] },
        host: { os: "linux", hostname: "box1", fqdn: "box1.devbox.example.com" },
        userConfig: 'sandbox_mode = "workspace-write"\n',
        commands: ["git push"],
      },
    ]);
    expect(readRoster(join(dir, "r.csv"))).toEqual(toml);
  });

  it("locates bad rows: unknown columns and fields, bad plans, duplicates, broken files", () => {
    const dir = files({
      "cols.csv": "name,plan,team\na,enterprise,x\n",
      "plan.csv": "name,plan\na,enterprise\nb,platinum\n",
      "dup.csv": "name,count\na,1\nb,2\na,3\n",
      "count.csv": "name,count\na,many\n",
      "field.toml": '[[entry]]\nname = "a"\n\n[[entry]]\nname = "b"\nteam = "x"\n',
      "plan.toml": '[[entry]]\nname = "a"\nplan = "gold"\n',
      "dup.toml": '[[entry]]\nname = "a"\n[[entry]]\nname = "a"\n',
      "broken.toml": "[[entry]\n",
      "quote.csv": 'name,user_config\na,"unterminated\n',
      "config.csv": 'name,user_config\na,"approval_policy = "\n',
      "empty.toml": "",
    });
    const at = (f: string) => error(() => readRoster(join(dir, f)));
    const where = (e: ImpactInputError) => e.message.replace(`${dir}/`, "");
    expect(where(at("cols.csv"))).toBe(
      "cols.csv:1:11: unknown column 'team' (columns: name, count, groups, plan, auth, user, hostname, fqdn, os, user_config, project_config, project_trust, commands) [roster-unknown-field]",
    );
    expect(where(at("plan.csv"))).toMatch(
      /^plan\.csv:3:3: unknown plan 'platinum' \(plans: free, .*\) \[roster-bad-plan\]$/,
    );
    expect(where(at("dup.csv"))).toBe(
      "dup.csv:4:1: duplicate entry 'a' (first on line 2) [roster-duplicate]",
    );
    expect(at("count.csv").code).toBe("roster-invalid");
    expect(where(at("field.toml"))).toMatch(/^field\.toml:6:1: unknown field 'team'/);
    expect(where(at("plan.toml"))).toMatch(/^plan\.toml:3:1: unknown plan 'gold'/);
    expect(where(at("dup.toml"))).toMatch(/^dup\.toml:4:1: duplicate entry 'a'/);
    expect(at("broken.toml")).toMatchObject({ code: "roster-syntax" });
    expect(where(at("broken.toml"))).toMatch(/^broken\.toml:1:\d+: /);
    expect(at("quote.csv")).toMatchObject({ code: "roster-syntax" });
    expect(where(at("config.csv"))).toMatch(/^config\.csv:2:3: user_config is not TOML/);
    expect(at("empty.toml").code).toBe("roster-empty");
    expect(error(() => readRoster(join(dir, "missing.csv"))).code).toBe("input-missing");
  });
});
