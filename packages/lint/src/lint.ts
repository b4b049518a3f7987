import { editionSpec } from "@codex-policy/engine";
import { type Finding, type Fix, severityRank } from "./finding.js";
import { commandRulesFix, renameFix } from "./fixes.js";
import type { PolicyKind } from "./kinds.js";
import { fileStart, locateKey, type Span } from "./locate.js";
import { suppressions } from "./suppress.js";
import { describeReleases } from "./targets.js";
import { lintUnderEdition, type RawFinding } from "./under-edition.js";

export interface LintInput {
  file: string;
  kind: PolicyKind;
  text: string;
  /** Editions to lint against, oldest first. */
  targets: readonly string[];
}

function spanOf(f: RawFinding, text: string): Span {
  if (f.span) return f.span;
  for (let n = f.path?.length ?? 0; n > 0; n--) {
    const at = locateKey(text, f.path!.slice(0, n));
    if (at) return at;
  }
  return fileStart(text);
}

function fixOf(f: RawFinding, text: string, span: Span): Fix | undefined {
  if (f.code === "command-rules-blog-syntax") return commandRulesFix(text);
  if (f.rename) return renameFix(String(f.rename.path[f.rename.path.length - 1]), f.rename.to, span, text);
  return f.fix;
}

/** Runs `perEdition` under every target and merges the findings the targets share. */
export function acrossTargets(input: LintInput, perEdition: (edition: string) => RawFinding[]): Finding[] {
  const { file, kind, text, targets } = input;
  const merged = new Map<string, Finding>();
  for (const edition of targets) {
    for (const raw of perEdition(edition)) {
      const span = spanOf(raw, text);
      const key = `${raw.code}:${span.line}:${span.column}`;
      const seen = merged.get(key);
      if (seen) {
        if (!seen.editions.includes(edition)) seen.editions.push(edition);
        seen.message = raw.message;
        if (severityRank(raw.severity) > severityRank(seen.severity)) seen.severity = raw.severity;
        continue;
      }
      const fix = fixOf(raw, text, span);
      merged.set(key, {
        code: raw.code,
        severity: raw.severity,
        file,
        kind,
        span,
        message: raw.message,
        ...(fix ? { fix } : {}),
        editions: [edition],
      });
    }
  }
  const found = [...merged.values()];
  for (const f of found)
    if (f.editions.length < targets.length) f.releases = describeReleases(f.editions, targets);
  return found;
}

/** Lints one policy file against every target. */
export function lintText(input: LintInput): Finding[] {
  const found = acrossTargets(input, (edition) =>
    lintUnderEdition(input.kind, input.text, editionSpec(edition)),
  );
  return settle(found, input);
}

/** Applies the file's suppression comments and orders its findings by place. */
export function settle(found: Finding[], input: LintInput): Finding[] {
  found.push(...applySuppressions(found, input));
  return found.sort(
    (a, b) => a.span.line - b.span.line || a.span.column - b.span.column || a.code.localeCompare(b.code),
  );
}

/** Marks findings their comment suppresses; a comment without a reason suppresses nothing and says so. */
function applySuppressions(found: Finding[], input: LintInput): Finding[] {
  const { text } = input;
  const extra: Finding[] = [];
  for (const s of suppressions(text)) {
    const hits = found.filter((f) => f.span.line === s.line && s.codes.includes(f.code));
    if (!s.reason) {
      extra.push({
        code: "suppression-without-reason",
        severity: "warning",
        file: input.file,
        kind: input.kind,
        span: {
          line: s.at,
          column: 1,
          endLine: s.at,
          endColumn: (text.split("\n")[s.at - 1] ?? "").length + 1,
        },
        message: `this comment suppresses nothing until it gives a reason: # codex-policy: ignore ${s.codes.join(",")} <why>`,
        editions: [...input.targets],
      });
      continue;
    }
    for (const f of hits) f.suppressed = { by: "comment", reason: s.reason };
  }
  return extra;
}
