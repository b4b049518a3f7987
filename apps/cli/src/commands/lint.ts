import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import {
  applyBaseline,
  applyEdits,
  BaselineError,
  expandPath,
  type Finding,
  github,
  InputError,
  json,
  lintPolicies,
  makeBaseline,
  type PolicyFile,
  parseBaseline,
  readable,
  readPolicy,
  SEVERITIES,
  type Severity,
  sarif,
  severityRank,
  targetEditions,
} from "@codex-policy/lint";
import { parseArgs } from "../args.js";
import { UserError } from "../user-error.js";
import { toolVersion } from "../version.js";
import type { Command } from "./index.js";

const USAGE = `usage: codex-policy lint FILE|DIR... [options]

Lints requirements.toml, managed_config.toml and config.toml files (a directory: every such file in it)
with the reference engine: what Codex refuses, ignores or does to users, located by line and column.

options:
  --kind KIND            requirements, managed_config or config (default: from the file name)
  --codex RANGE          lint against every release in a semver range, e.g. ">=0.130" (default: the newest)
  --format FORMAT        readable (default), json, sarif (SARIF 2.1.0) or github (workflow annotations)
  --fail-on SEVERITY     exit 1 on findings at or above error (default), warning or note
  --baseline FILE        findings recorded in FILE do not count (a repository fails only on new ones)
  --write-baseline FILE  record the current findings in FILE and exit 0
  --fix                  apply the mechanical fixes (renames, [[command_rules]] rewrites) in place

Suppress one finding with a comment on its line or the line above: # codex-policy: ignore CODE reason
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage errors or unreadable input.
Every finding code is explained in docs/lint/.`;

const FORMATS = ["readable", "json", "sarif", "github"] as const;

function inputError(e: unknown): never {
  if (e instanceof InputError || e instanceof BaselineError)
    throw new UserError(`${e.message} [${e.code}]`, 2, e.code);
  throw e;
}

export const command: Command = {
  name: "lint",
  summary: "Lint policy files: what Codex refuses, ignores or does to users, located and coded",
  usage: USAGE,
  async run(argv) {
    const { positional, flags } = parseArgs(argv, {
      kind: "string",
      codex: "string",
      format: "string",
      "fail-on": "string",
      baseline: "string",
      "write-baseline": "string",
      fix: "bool",
    });
    if (positional.length === 0) throw new UserError(`no files to lint\n${USAGE}`);
    const format = (flags.format as string | undefined) ?? "readable";
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UserError(`--format takes ${FORMATS.join(", ")}, got '${format}'`);
    const failOn = (flags["fail-on"] as string | undefined) ?? "error";
    if (!(SEVERITIES as readonly string[]).includes(failOn))
      throw new UserError(`--fail-on takes ${SEVERITIES.join(", ")}, got '${failOn}'`);
    const targets = targetEditions(flags.codex as string | undefined);
    if (!targets.ok) throw new UserError(targets.message);

    let files: PolicyFile[];
    try {
      const paths = positional.flatMap((p) => expandPath(p));
      files = [...new Set(paths)].map((p) => readPolicy(p, flags.kind as string | undefined));
    } catch (e) {
      inputError(e);
    }

    let found = lintPolicies(files, targets.editions);
    if (flags.fix) {
      for (const { file, findings } of found) {
        const edits = findings.filter((f) => !f.suppressed).flatMap((f) => f.fix?.edits ?? []);
        if (edits.length === 0) continue;
        writeFileSync(file.file, applyEdits(file.text, edits));
      }
      files = files.map((f) => readPolicy(f.file, f.kind));
      found = lintPolicies(files, targets.editions);
    }
    const pairs = found.flatMap(({ file, findings }) =>
      findings.map((finding) => ({ finding, text: file.text })),
    );
    if (flags["write-baseline"]) {
      writeFileSync(flags["write-baseline"] as string, `${JSON.stringify(makeBaseline(pairs), null, 2)}\n`);
      process.stderr.write(
        `codex-policy lint: recorded ${pairs.filter((p) => !p.finding.suppressed).length} findings in ${flags["write-baseline"]}\n`,
      );
      return 0;
    }
    if (flags.baseline) {
      const path = flags.baseline as string;
      let text: string;
      try {
        text = readFileSync(path, "utf8");
      } catch (e) {
        throw new UserError(
          `${path}: cannot read the baseline (${(e as NodeJS.ErrnoException).code ?? "error"}) [input-unreadable]`,
          2,
          "input-unreadable",
        );
      }
      try {
        applyBaseline(pairs, parseBaseline(text, path));
      } catch (e) {
        inputError(e);
      }
    }
    const all: Finding[] = pairs.map((p) => p.finding);
    process.stdout.write(render(format, all, files.length, targets.editions));
    const gate = severityRank(failOn as Severity);
    return all.some((f) => !f.suppressed && severityRank(f.severity) >= gate) ? 1 : 0;
  },
};

function render(format: string, all: Finding[], files: number, targets: string[]): string {
  switch (format) {
    case "json":
      return json(all, { targets, files });
    case "sarif":
      return sarif(all, { toolVersion: toolVersion(), relativeTo: (f) => relative(process.cwd(), f) || f });
    case "github":
      return github(all);
    default:
      return readable(all, { colour: process.stdout.isTTY === true && !process.env.NO_COLOR, files });
  }
}
