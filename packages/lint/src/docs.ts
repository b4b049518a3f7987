import { CODES, type CodeEntry } from "./catalogue.js";
import { readable } from "./format/readable.js";
import { fileNameOf, type PolicyKind } from "./kinds.js";
import { lintPolicies } from "./policies.js";
import { targetEditions } from "./targets.js";

/** What lint prints for a code's example: real output, regenerated with the pages. */
function exampleOutput(entry: CodeEntry): string {
  const targets = targetEditions(entry.example.codex);
  if (!targets.ok) throw new Error(targets.message);
  const { kind, text, with: beside = {} } = entry.example;
  const files = [
    { file: fileNameOf(kind), kind, text },
    ...Object.entries(beside).map(([k, t]) => ({
      file: fileNameOf(k as PolicyKind),
      kind: k as PolicyKind,
      text: t!,
    })),
  ];
  const linted = lintPolicies(files, targets.editions);
  return readable(
    linted.flatMap((l) => l.findings),
    { colour: false, files: files.length },
  );
}

function page(entry: CodeEntry): string {
  const { kind, text, codex, with: beside = {} } = entry.example;
  const command = `codex-policy lint ${codex ? `--codex "${codex}" ` : ""}${Object.keys(beside).length > 0 ? "." : fileNameOf(kind)}`;
  const files = [
    [fileNameOf(kind), text],
    ...Object.entries(beside).map(([k, t]) => [fileNameOf(k as PolicyKind), t!]),
  ];
  return [
    `# ${entry.code}`,
    "",
    `**${entry.title}.** Severity: ${entry.severity}.`,
    "",
    entry.why,
    "",
    "## Example",
    "",
    ...files.flatMap(([name, body]) => [`\`${name}\`:`, "", "```toml", body!.trimEnd(), "```", ""]),
    `\`${command}\` prints:`,
    "",
    "```text",
    exampleOutput(entry).trimEnd(),
    "```",
    "",
    "## Fix",
    "",
    entry.fix,
    "",
    `Suppress a finding you accept with a comment on its line or the line above: \`# codex-policy: ignore ${entry.code} <reason>\`.`,
    "",
  ].join("\n");
}

function index(): string {
  const rows = CODES.map((c) => `| [${c.code}](${c.code}.md) | ${c.severity} | ${c.title} |`);
  return [
    "# Lint codes",
    "",
    "Every finding `codex-policy lint` reports, with its default severity. Codes named like the engine's",
    "error codes come from the engine refusing the file; the others from what the engine says the file",
    "does to users. This directory is generated from the lint catalogue (`pnpm docs:lint`).",
    "",
    "| code | severity | what |",
    "|---|---|---|",
    ...rows,
    "",
    "Input that lint cannot read is not a finding: it exits 2 with one line naming the file and one of",
    "these codes: `input-missing`, `input-unreadable`, `input-no-policy`, `input-kind-unknown`,",
    "`input-too-large` (over 1 MB), `input-binary`, `input-not-utf8`, `input-empty`, `baseline-invalid`.",
    "",
  ].join("\n");
}

/** docs/lint/: one page per code and an index, by file name. */
export function lintDocPages(): Map<string, string> {
  const pages = new Map<string, string>([["README.md", index()]]);
  for (const c of CODES) pages.set(`${c.code}.md`, page(c));
  return pages;
}
