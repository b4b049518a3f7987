#!/usr/bin/env node
// The GitHub Action's main step. Reads the action's inputs from INPUT_* variables, runs codex-policy once
// per Codex release asked for (or once), writes every run's reports to the report directory, a Markdown
// summary (also appended to the job summary), and the step outputs; fails the step when more records fail
// than the threshold allows, or when a run cannot start. Plain Node, no dependencies: CI runs this file
// with the same inputs a workflow gives.
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const COMMANDS = ["conformance", "corpus-check", "resolve", "try-release", "lint", "test"];
const VERSION = /^\d+\.\d+\.\d+$/;

class InputError extends Error {}

const list = (s) =>
  (s ?? "")
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The action's inputs, checked. */
export function readInputs(env) {
  const get = (name) => (env[`INPUT_${name}`] ?? "").trim();
  const command = get("COMMAND") || "conformance";
  if (!COMMANDS.includes(command))
    throw new InputError(`input command must be one of ${COMMANDS.join(", ")}, got '${command}'`);
  const max = get("MAX_FAILURES") || "0";
  if (!/^\d+$/.test(max)) throw new InputError(`input max-failures must be a whole number, got '${max}'`);
  const shard = get("SHARD");
  if (shard && !/^\d+\/\d+$/.test(shard)) throw new InputError(`input shard must be i/n, got '${shard}'`);
  const releases = list(get("CODEX_RELEASES"));
  for (const r of releases)
    if (!/^\d+\.\d+(\.\d+)?$/.test(r))
      throw new InputError(`input codex-releases: '${r}' is not a release like 0.169.0`);
  const impl = get("IMPL") || "engine";
  if (impl === "codex-cli" || command === "try-release")
    for (const r of releases)
      if (!VERSION.test(r))
        throw new InputError(
          `input codex-releases: ${command === "try-release" ? "try-release" : "impl codex-cli"} installs exact releases, give '${r}.0' or another patch`,
        );
  const scenarios = list(get("SCENARIOS"));
  if (command === "resolve" && scenarios.length === 0)
    throw new InputError("command resolve needs input scenarios");
  const policies = list(get("POLICIES"));
  if (command === "lint" && policies.length === 0)
    throw new InputError("command lint needs input policies (files or directories)");
  return {
    command,
    impl,
    cases: get("CASES"),
    scenarios,
    policies,
    repository: get("REPOSITORY") || ".",
    releases,
    edition: get("EDITION"),
    tags: get("TAGS"),
    baseline: get("BASELINE"),
    shard,
    maxFailures: Number(max),
    args: list(get("ARGS")),
    reportDir: get("REPORT_DIR") || join(env.RUNNER_TEMP || tmpdir(), "codex-policy-report"),
  };
}

/** Fetches one Codex release's Linux binary from npm into a temporary directory. */
function fetchCodex(version) {
  const arch = { x64: "x64", arm64: "arm64" }[process.arch];
  if (process.platform !== "linux" || !arch)
    throw new InputError("impl codex-cli runs on Linux x64 or arm64 runners");
  const dir = mkdtempSync(join(tmpdir(), `codex-${version}-`));
  const pack = spawnSync("npm", ["pack", "--silent", `@openai/codex@${version}-linux-${arch}`], {
    cwd: dir,
    encoding: "utf8",
  });
  const tgz = readdirSync(dir).find((f) => f.endsWith(".tgz"));
  if (pack.status !== 0 || !tgz)
    throw new InputError(
      `cannot fetch @openai/codex@${version} from npm: ${(pack.stderr || "").trim().split("\n").at(-1)}`,
    );
  spawnSync("tar", ["-xzf", tgz], { cwd: dir });
  const found = spawnSync("find", [dir, "-type", "f", "-name", "codex", "-path", "*vendor*"], {
    encoding: "utf8",
  });
  const bin = found.stdout.split("\n").find(Boolean);
  if (!bin) throw new InputError(`@openai/codex@${version} has no Linux binary`);
  return bin;
}

/** The codex-policy argument lists of one run per release (or one run). */
export function plan(inputs, fetch = fetchCodex) {
  if (inputs.command === "try-release") return tryPlan(inputs);
  if (inputs.command === "lint") return lintPlan(inputs);
  if (inputs.command === "test") return testPlan(inputs, fetch);
  const runs = inputs.releases.length > 0 ? inputs.releases : [null];
  return runs.map((release, i) => {
    const name = release ? `codex-${release}` : inputs.edition || inputs.impl;
    const slug = `${i + 1}-${name.replace(/[^\w.-]+/g, "_")}`;
    const files = {
      jsonl: join(inputs.reportDir, `${slug}.jsonl`),
      junit: join(inputs.reportDir, `${slug}.junit.xml`),
    };
    const which = [];
    // A real binary is held to its own release's claims; otherwise --release selects them.
    if (release && inputs.impl === "codex-cli") which.push("--codex-bin", fetch(release));
    else if (release && inputs.command === "resolve")
      which.push("--edition", `codex-${release.split(".").slice(0, 2).join(".")}`);
    else if (release) which.push("--release", release);
    else if (inputs.edition) which.push("--edition", inputs.edition);
    const cases = inputs.cases ? ["--cases", inputs.cases] : [];
    if (inputs.command === "corpus-check")
      return { name, files: {}, invocations: [["corpus", "check", ...cases, ...inputs.args]] };
    if (inputs.command === "resolve")
      return {
        name,
        files: {},
        invocations: inputs.scenarios.map((f) => [
          "resolve",
          f,
          ...(which[0] === "--codex-bin" ? ["--impl", "codex-cli", ...which.slice(0, 2)] : which.slice(0, 2)),
          ...inputs.args,
        ]),
      };
    return {
      name,
      files,
      invocations: [
        [
          "conformance",
          "run",
          "--impl",
          inputs.impl,
          ...which,
          ...cases,
          ...(inputs.tags ? ["--tags", inputs.tags] : []),
          ...(inputs.baseline ? ["--baseline", inputs.baseline] : []),
          ...(inputs.shard ? ["--shard", inputs.shard] : []),
          "--reporter",
          "github",
          "--jsonl",
          files.jsonl,
          "--junit",
          files.junit,
          ...inputs.args,
        ],
      ],
    };
  });
}

/** A release as a range that covers its patches: 0.150 and 0.150.2 both mean the 0.150 line. */
const minorRange = (r) => {
  const [major, minor] = r.split(".");
  return `>=${major}.${minor}.0 <${major}.${Number(minor) + 1}.0`;
};

/**
 * `lint`: one run over the policies, against every release given (default: the newest modelled). It
 * annotates the pull request, writes SARIF for code scanning and puts the readable report in the summary.
 */
function lintPlan(inputs) {
  const codex = inputs.releases.length > 0 ? ["--codex", inputs.releases.map(minorRange).join(" || ")] : [];
  const base = ["lint", ...inputs.policies, ...codex, ...inputs.args];
  return [
    {
      name: inputs.releases.length > 0 ? `lint (Codex ${inputs.releases.join(", ")})` : "lint",
      files: { sarif: join(inputs.reportDir, "lint.sarif") },
      invocations: [
        [...base, "--format", "github"],
        [...base, "--format", "sarif"],
        [...base, "--format", "readable"],
      ],
    },
  ];
}

/**
 * `test`: a policy repository's tests with coverage. On the engine, one run for every release given
 * (`--codex`); on the real binary, one run per release, each with its own binary.
 */
function testPlan(inputs, fetch) {
  const binary = inputs.impl === "codex-cli";
  const runs = binary && inputs.releases.length > 0 ? inputs.releases : [null];
  return runs.map((release, i) => {
    const name = release
      ? `test (codex ${release})`
      : inputs.releases.length > 0
        ? `test (Codex ${inputs.releases.join(", ")})`
        : `test (${inputs.edition || inputs.impl})`;
    const slug = join(inputs.reportDir, `${i + 1}-test${release ? `-${release}` : ""}`);
    const files = { jsonl: `${slug}.jsonl`, junit: `${slug}.junit.xml`, coverage: `${slug}.coverage.json` };
    const which = release
      ? ["--impl", "codex-cli", "--codex-bin", fetch(release)]
      : binary
        ? ["--impl", "codex-cli"]
        : inputs.releases.length > 0
          ? ["--codex", inputs.releases.map(minorRange).join(" || ")]
          : inputs.edition
            ? ["--edition", inputs.edition]
            : [];
    return {
      name,
      files,
      invocations: [
        [
          "test",
          inputs.repository,
          ...which,
          "--reporter",
          "github",
          "--jsonl",
          files.jsonl,
          "--junit",
          files.junit,
          "--coverage-json",
          files.coverage,
          ...inputs.args,
        ],
      ],
    };
  });
}

/** `try-release`: each release given (or the newest published one) fetched, run and deleted by codex-policy. */
function tryPlan(inputs) {
  const runs = inputs.releases.length > 0 ? inputs.releases : ["newest"];
  return runs.map((release, i) => {
    const name = release === "newest" ? "newest release" : `codex ${release}`;
    const jsonl = join(inputs.reportDir, `${i + 1}-try-${release}.jsonl`);
    return {
      name,
      files: { jsonl },
      invocations: [
        [
          "releases",
          "--try",
          release,
          ...(inputs.cases ? ["--cases", inputs.cases] : []),
          ...(inputs.tags ? ["--tags", inputs.tags] : []),
          "--jsonl",
          jsonl,
          ...inputs.args,
        ],
      ],
    };
  });
}

function invoke(bin, args) {
  const cmd = bin.endsWith(".mjs") || bin.endsWith(".js") ? [process.execPath, bin] : [bin];
  const r = spawnSync(cmd[0], [...cmd.slice(1), ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? "");
  process.stderr.write(r.stderr ?? "");
  return { code: r.status ?? 1, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

/** The footer of a JSON-lines report: status and verdict counts. */
function footer(jsonl) {
  if (!jsonl || !existsSync(jsonl)) return null;
  const lines = readFileSync(jsonl, "utf8").trim().split("\n");
  const last = JSON.parse(lines.at(-1) ?? "{}");
  return last.type === "footer" ? last : null;
}

function summarize(inputs, results) {
  const rows = results.map((r) => {
    const f = r.footer;
    const failed = r.failures;
    const ran = f ? f.statuses.pass + failed + f.verdicts.xfail + f.verdicts.skipped : r.passed + failed;
    const state = r.startError
      ? `could not run (exit ${r.exit})`
      : failed > 0
        ? "failing"
        : ran === 0
          ? "no case applies"
          : "ok";
    const counts = f
      ? `${f.statuses.pass} | ${f.verdicts.regression} | ${f.verdicts.stale} | ${f.verdicts.xfail} | ${f.verdicts.skipped}`
      : `${r.passed} | ${failed} | – | – | –`;
    return `| ${r.name} | ${counts} | ${state} |`;
  });
  const total = results.reduce((n, r) => n + r.failures, 0);
  const lines = [
    `## codex-policy ${inputs.command}${inputs.command === "conformance" ? ` (${inputs.impl})` : ""}`,
    "",
    "| run | passed | regressions | stale | expected failures | skipped | result |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    `${total} failing record(s) over ${results.length} run(s); threshold ${inputs.maxFailures}.`,
  ];
  for (const r of results)
    for (const o of r.outputs ?? [])
      lines.push(
        "",
        `<details><summary>${o.title}</summary>`,
        "",
        "```",
        o.text.trimEnd(),
        "```",
        "",
        "</details>",
      );
  return `${lines.join("\n")}\n`;
}

export function runAction(env = process.env) {
  const inputs = readInputs(env);
  const bin = env.CODEX_POLICY_BIN;
  if (!bin) throw new InputError("CODEX_POLICY_BIN is not set: the install step did not run");
  mkdirSync(inputs.reportDir, { recursive: true });
  const results = [];
  let startFailure = 0;
  for (const run of plan(inputs)) {
    const r = {
      name: run.name,
      files: run.files,
      failures: 0,
      passed: 0,
      outputs: [],
      exit: 0,
      footer: null,
    };
    for (const args of run.invocations) {
      const out = invoke(bin, args);
      r.exit = Math.max(r.exit, out.code);
      if (inputs.command === "resolve") {
        r.outputs.push({ title: args[1], text: out.stdout || out.stderr });
        if (out.code === 0) r.passed++;
        else if (out.code === 1) r.failures++;
      } else if (inputs.command === "try-release") {
        r.outputs.push({ title: `releases --try ${args[2]}`, text: `${out.stdout}${out.stderr}` });
      } else if (inputs.command === "lint") {
        const format = args[args.indexOf("--format") + 1];
        if (format === "github") {
          // Exit 1 means findings at or above --fail-on; each error annotation is one failing record.
          const errors = out.stdout.split("\n").filter((l) => l.startsWith("::error ")).length;
          r.failures = out.code === 1 ? Math.max(1, errors) : 0;
          r.passed = out.code === 0 ? 1 : 0;
        }
        if (format === "sarif" && out.code <= 1) writeFileSync(run.files.sarif, out.stdout);
        if (format === "readable")
          r.outputs.push({ title: "codex-policy lint", text: `${out.stdout}${out.stderr}` });
      } else if (inputs.command === "test") {
        // The reporter owns stdout; the coverage table (and any error) comes on stderr.
        if (out.stderr.trim()) r.outputs.push({ title: "policy coverage", text: out.stderr });
      } else if (inputs.command === "corpus-check") {
        const m = /(\d+) passed, (\d+) failed/.exec(out.stdout);
        r.passed = Number(m?.[1] ?? 0);
        r.failures = out.code === 0 ? 0 : Math.max(1, Number(m?.[2] ?? 0));
        r.outputs.push({ title: "corpus check", text: `${out.stdout}${out.stderr}` });
      }
    }
    r.footer = footer(run.files.jsonl);
    if (r.footer) {
      r.passed = r.footer.statuses.pass;
      r.failures = r.footer.verdicts.regression + r.footer.verdicts.stale;
    }
    // Every test passed but coverage fell short of --coverage-min: that fails the run too.
    if (inputs.command === "test" && r.exit === 1 && r.failures === 0) r.failures = 1;
    // Exit 2 (bad input) and 3 (the implementation cannot start) fail the step whatever the threshold.
    r.startError = r.exit >= 2 && inputs.command !== "corpus-check";
    if (r.startError) startFailure = Math.max(startFailure, r.exit);
    results.push(r);
  }
  const summary = join(inputs.reportDir, "summary.md");
  const text = summarize(inputs, results);
  writeFileSync(summary, text);
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, text);
  const failures = results.reduce((n, r) => n + r.failures, 0);
  const sarif = readdirSync(inputs.reportDir).find((f) => f.endsWith(".sarif"));
  const outputs = {
    summary,
    report: inputs.reportDir,
    junit: results.find((r) => r.files.junit)?.files.junit ?? "",
    sarif: sarif ? join(inputs.reportDir, sarif) : "",
    failures: String(failures),
    artifact: `codex-policy-report-${env.GITHUB_JOB || "job"}${inputs.shard ? `-${inputs.shard.replace("/", "-of-")}` : ""}`,
  };
  if (env.GITHUB_OUTPUT)
    appendFileSync(
      env.GITHUB_OUTPUT,
      Object.entries(outputs)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(""),
    );
  const exit = startFailure > 0 ? startFailure : failures > inputs.maxFailures ? 1 : 0;
  return { exit, outputs, results };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { exit, outputs } = runAction();
    if (exit === 1)
      process.stderr.write(`codex-policy: ${outputs.failures} failing record(s), over the threshold\n`);
    process.exit(exit);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    process.stderr.write(`::error title=codex-policy::${e.message}\n`);
    process.exit(2);
  }
}
