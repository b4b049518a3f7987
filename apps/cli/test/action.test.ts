import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// The GitHub Action: its definition and the workflows the docs give are valid, and its script does what a
// workflow asks, run here with the same inputs (INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY).
const root = join(import.meta.dirname, "..", "..", "..");
const work = mkdtempSync(join(tmpdir(), "codex-policy-action-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const validator = join(root, "node_modules", ".bin", "action-validator");
function validate(file: string) {
  return spawnSync(validator, [file], { encoding: "utf8" });
}

let n = 0;
function action(inputs: Record<string, string>) {
  const dir = join(work, `run-${++n}`);
  mkdirSync(dir);
  const output = join(dir, "output");
  const summary = join(dir, "summary");
  writeFileSync(output, "");
  writeFileSync(summary, "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? work,
    CODEX_POLICY_BIN: join(root, "apps", "cli", "bin", "codex-policy.mjs"),
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_JOB: "corpus",
    RUNNER_TEMP: dir,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase().replace(/-/g, "_")}`] = v;
  const r = spawnSync(process.execPath, [join(root, "scripts", "action", "run.mjs")], {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: 240_000,
  });
  const outputs = Object.fromEntries(
    readFileSync(output, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs,
    summary: readFileSync(summary, "utf8"),
  };
}

describe("action.yml and the documented workflows", () => {
  it("action.yml is a valid action", () => {
    const r = validate(join(root, "action.yml"));
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
  const blocks = [
    ...readFileSync(join(root, "docs", "github-action.md"), "utf8").matchAll(/```yaml\n([\s\S]*?)```/g),
  ];
  it("the docs give the three workflows (pull requests, a sharded matrix, the weekly release try)", () => {
    expect(blocks).toHaveLength(3);
    expect(blocks[2]![1]).toMatch(/schedule:[\s\S]*command: try-release/);
  });
  blocks.forEach((m, i) => {
    it(`workflow ${i + 1} of docs/github-action.md is valid and uses only the action's inputs`, () => {
      const file = join(work, `workflow-${i}.yml`);
      writeFileSync(file, m[1]!);
      const r = validate(file);
      // The validator warns that it cannot check path globs; anything else is an error.
      expect((r.stdout + r.stderr).replace(/^WARNING: Glob validation is not yet supported.*\n?/gm, "")).toBe(
        "",
      );
      expect(r.status).toBe(0);
      const declared = new Set(
        [
          ...readFileSync(join(root, "action.yml"), "utf8").matchAll(/^ {2}([a-z-]+):\n {4}description/gm),
        ].map((x) => x[1]),
      );
      const given = [
        ...m[1]!.matchAll(
          /uses: OWNER\/codex-policy@v1\n(?:\s+if: .*\n)?\s+with:\n((?:\s{10}[a-z-]+: .*\n)+)/g,
        ),
      ].flatMap((w) => [...w[1]!.matchAll(/^\s+([a-z-]+):/gm)].map((x) => x[1]));
      expect(given.length).toBeGreaterThan(0);
      for (const k of given) expect(declared, k).toContain(k);
    });
  });
  it("the validator rejects a broken action (the check can fail)", () => {
    const file = join(work, "broken.yml");
    writeFileSync(file, "name: x\nruns:\n  using: composite\n  stepz: []\n");
    expect(validate(file).status).not.toBe(0);
  });
});

describe("scripts/action/run.mjs with a workflow's inputs", () => {
  it("one run per release, sharded: reports, outputs and a job summary", () => {
    const r = action({ impl: "engine", "codex-releases": "0.150.0, 0.169", shard: "1/3" });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("::notice title=conformance::");
    expect(r.outputs.failures).toBe("0");
    expect(r.outputs.artifact).toBe("codex-policy-report-corpus-1-of-3");
    expect(readFileSync(r.outputs.junit!, "utf8")).toMatch(/^<\?xml[\s\S]*<testsuites /);
    expect(r.outputs.sarif).toBe("");
    expect(r.summary).toBe(readFileSync(r.outputs.summary!, "utf8"));
    // Each release runs the claims its ranges cover: 0.150.0 has fewer than 0.169.
    const older = /\| codex-0\.150\.0 \| (\d+) \| 0 \| 0 \| 0 \| 0 \| ok \|/.exec(r.summary);
    const row = /\| codex-0\.169 \| (\d+) \| 0 \| 0 \| 0 \| 0 \| ok \|/.exec(r.summary);
    expect(Number(row?.[1])).toBeGreaterThan(100);
    expect(Number(older?.[1])).toBeGreaterThan(20);
    expect(Number(older?.[1])).toBeLessThan(Number(row?.[1]));
  });

  it("fails over the threshold and passes within it", () => {
    const cases = join(work, "cases");
    mkdirSync(cases);
    writeFileSync(
      join(cases, "wrong.toml"),
      'id = "wrong"\ndescription = "expects what the engine does not do"\neditions = ["codex-0.169"]\ncodex = ">=0.169.0"\ntags = ["policy"]\nevidence = ["https://example.com/policy"]\n\n[scenario.system]\nrequirements = \'allowed_web_search_modes = ["cached"]\'\n\n[[tests]]\nid = "main"\n\n[tests.expect]\n"effective.web_search" = "live"\n',
    );
    const strict = action({ cases });
    expect(strict.code).toBe(1);
    expect(strict.outputs.failures).toBe("1");
    expect(strict.stdout).toMatch(/::error file=.*wrong\.toml/);
    expect(strict.summary).toContain("| failing |");
    const lenient = action({ cases, "max-failures": "1" });
    expect(lenient.code).toBe(0);
    expect(lenient.outputs.failures).toBe("1");
  });

  it("corpus-check and resolve", () => {
    const check = action({ command: "corpus-check" });
    expect(check.code).toBe(0);
    expect(check.summary).toMatch(/0 lint errors/);
    const res = action({
      command: "resolve",
      scenarios: "examples/contractor-devbox.toml",
      "codex-releases": "0.136",
    });
    expect(res.code).toBe(0);
    expect(res.summary).toContain("<summary>examples/contractor-devbox.toml</summary>");
    expect(res.summary).toMatch(/edition: codex-0\.136/);
  });

  it("try-release: nothing newer passes and says so; a package that is not Codex cannot run", () => {
    const times = join(work, "times-modelled.json");
    writeFileSync(times, JSON.stringify({ "0.171.0": "2026-11-20T00:00:00Z" }));
    const none = action({ command: "try-release", args: `--times ${times}` });
    expect(none.code).toBe(0);
    expect(none.summary).toMatch(/^## codex-policy try-release$/m);
    expect(none.summary).toContain(
      "no published release is newer than the newest modelled one (codex-0.171)",
    );

    const pkg = join(work, "impostor");
    mkdirSync(join(pkg, "package", "vendor", "x86_64-unknown-linux-musl", "bin"), { recursive: true });
    const fake = join(pkg, "package", "vendor", "x86_64-unknown-linux-musl", "bin", "codex");
    writeFileSync(fake, "#!/bin/sh\necho hello\n");
    chmodSync(fake, 0o755);
    const tgz = join(work, "impostor.tgz");
    expect(spawnSync("tar", ["-czf", tgz, "-C", pkg, "package"]).status).toBe(0);
    const bad = action({
      command: "try-release",
      "codex-releases": "0.172.0",
      args: `--tarball ${tgz}`,
      "max-failures": "100",
    });
    expect(bad.code).toBe(2);
    expect(bad.summary).toMatch(/\| codex 0\.172\.0 \|.*could not run \(exit 2\)/);
    expect(bad.summary).toContain("is it the Codex CLI?");
    const minor = action({ command: "try-release", "codex-releases": "0.172" });
    expect(minor.code).toBe(2);
    expect(minor.stderr).toContain("try-release installs exact releases, give '0.172.0'");
  });

  it("lint: error annotations, SARIF for code scanning, the readable report in the summary", () => {
    const repo = join(work, "policy-repo");
    mkdirSync(repo);
    writeFileSync(
      join(repo, "requirements.toml"),
      '[[command_rules]]\npattern = ["rm"]\ndecision = "forbidden"\n[mcp_servers]\n',
    );
    const r = action({ command: "lint", policies: repo, "codex-releases": "0.150, 0.169.0" });
    expect(r.code).toBe(1);
    expect(r.outputs.failures).toBe("1");
    expect(r.stdout).toMatch(
      /^::error file=.*requirements\.toml,line=1,col=1,.*title=codex-policy command-rules-blog-syntax::/m,
    );
    expect(r.stdout).toMatch(/^::warning file=.*title=codex-policy mcp-servers-empty::/m);
    const sarif = JSON.parse(readFileSync(r.outputs.sarif!, "utf8"));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual([
      "command-rules-blog-syntax",
      "mcp-servers-empty",
    ]);
    expect(r.summary).toContain("<summary>codex-policy lint</summary>");
    expect(r.summary).toMatch(/1 file linted: 1 error, 1 warning, 0 notes/);
    writeFileSync(
      join(repo, "requirements.toml"),
      '[rules]\nprefix_rules = [{ pattern = [{ token = "rm" }], decision = "forbidden" }]\n',
    );
    const clean = action({ command: "lint", policies: repo });
    expect(clean.code).toBe(0);
    expect(clean.outputs.failures).toBe("0");
    expect(JSON.parse(readFileSync(clean.outputs.sarif!, "utf8")).runs[0].results).toEqual([]);
    const missing = action({ command: "lint", policies: join(work, "no-such-dir"), "max-failures": "100" });
    expect(missing.code).toBe(2);
    expect(missing.summary).toContain("could not run (exit 2)");
  });

  it("test: a policy repository's tests, with coverage in the summary; failing tests or coverage fail it", () => {
    const repo = join(work, "scaffolded");
    const init = spawnSync(process.execPath, [join(root, "apps/cli/bin/codex-policy.mjs"), "init", repo], {
      encoding: "utf8",
    });
    expect(init.status).toBe(0);
    const r = action({ command: "test", repository: repo, args: "--coverage-min 100" });
    expect(r.code).toBe(0);
    expect(r.outputs.failures).toBe("0");
    expect(r.summary).toMatch(/\| test \(engine\) \| 7 \| 0 \| 0 \| 0 \| 0 \| ok \|/);
    expect(r.summary).toContain("<summary>policy coverage</summary>");
    expect(r.summary).toContain("Policy coverage: 7 of 7 rules decided at least one test (100%)");
    const coverage = JSON.parse(readFileSync(join(r.outputs.report!, "1-test.coverage.json"), "utf8"));
    expect(coverage).toMatchObject({ items: 7, decided: 7, min: 100, ok: true });
    const releases = action({ command: "test", repository: repo, "codex-releases": "0.150, 0.169.0" });
    expect(releases.code).toBe(0);
    expect(releases.summary).toMatch(/\| test \(Codex 0\.150, 0\.169\.0\) \| 14 \|/);

    rmSync(join(repo, "tests/commands.toml"));
    const short = action({ command: "test", repository: repo, args: "--coverage-min 100" });
    expect(short.code).toBe(1);
    expect(short.outputs.failures).toBe("1");
    expect(short.summary).toContain("is below --coverage-min 100%");
    writeFileSync(
      join(repo, "tests/web-search.toml"),
      readFileSync(join(repo, "tests/web-search.toml"), "utf8").replace('= "cached"', '= "live"'),
    );
    const failing = action({ command: "test", repository: repo });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(
      /^::error file=.*scaffolded\/tests\/web-search\.toml,title=web-search%3Alive-falls-back/m,
    );
  });

  it("bad inputs exit 2 with an error annotation, whatever the threshold", () => {
    const bad: Record<string, string>[] = [
      { command: "deploy" },
      { shard: "half" },
      { "max-failures": "many" },
      { impl: "codex-cli", "codex-releases": "0.169" },
      { command: "resolve" },
      { command: "lint" },
    ];
    for (const inputs of bad) {
      const r = action({ "max-failures": "100", ...inputs });
      expect(r.code, JSON.stringify(inputs)).toBe(2);
      expect(r.stderr).toMatch(/^::error title=codex-policy::input|^::error title=codex-policy::command/m);
    }
    const unknownEdition = action({ edition: "codex-0.76", "max-failures": "100" });
    expect(unknownEdition.code).toBe(2);
    expect(unknownEdition.summary).toContain("could not run (exit 2)");
  });
});

describe("scripts/action/install-tool.mjs", () => {
  it("installs the optional Codex binary only when the real binary runs without a release of its own", async () => {
    // @ts-expect-error: a plain ESM script without type declarations
    const { needsBundledBinary } = await import("../../../scripts/action/install-tool.mjs");
    expect(needsBundledBinary({ INPUT_IMPL: "codex-cli" })).toBe(true);
    expect(needsBundledBinary({ INPUT_IMPL: "codex-cli", INPUT_CODEX_RELEASES: "0.150.0" })).toBe(false);
    expect(needsBundledBinary({ INPUT_IMPL: "engine" })).toBe(false);
  });
});
