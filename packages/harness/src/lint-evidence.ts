import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Reference documents (kept outside the repo) that corpus evidence cites. */
export const REFERENCE_FILES = [
  "oracle-findings.md",
  "spec-from-source.md",
  "documented-edition.md",
  "version-drift.md",
] as const;

/** Evidence any case file may use: a URL, a file reference (name.md#anchor) or an issue. */
const LOOSE_EVIDENCE = /^(https?:\/\/\S+|[\w./-]+\.(md|rs|ts|toml|json)(#[\w.-]+)?|openai\/codex#\d+)$/;
/** `codex-policy fuzz` replay references: `fuzz:seed=N` with an optional `;path=P`. */
const FUZZ_EVIDENCE = /^fuzz:seed=\d+(;path=[^\s;]+)?$/;
const DOCS_EVIDENCE = /^docs\/[\w.-]+\.md$/;
/** Sections and scenarios in spec-from-source.md and version-drift.md are numbered (7, 7.1, 12.3.2). */
const NUMBERED_ANCHOR = /^\d+(\.\d+)*$/;

export interface EvidenceProblem {
  code: string;
  message: string;
}

export interface EvidenceContext {
  /** Repository root, for `docs/*.md` references. */
  repoDir: string;
  /** Anchors of oracle-findings.md, or null when the file is not available (the check is skipped). */
  oracleAnchors: Set<string> | null;
}

/**
 * Anchors a case may cite in oracle-findings.md: recorded scenario names (`a05`, `h28`), the
 * numbered lines of the Rules section (`rule-14`), the lettered sections (`section-0`,
 * `section-j`) and the Rules section itself (`rules`).
 */
export function oracleAnchors(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b([a-j]\d{2}s?)\b/g)) out.add(m[1] as string);
  for (const m of text.matchAll(/^## ([0-9a-z])\. /gm)) out.add(`section-${m[1]}`);
  const rules = /^## Rules\b.*$/m.exec(text);
  if (rules) {
    out.add("rules");
    const body = text.slice(rules.index + rules[0].length).split(/^## /m)[0] ?? "";
    for (const m of body.matchAll(/^(\d+)\. /gm)) out.add(`rule-${m[1]}`);
  }
  return out;
}

const anchorCache = new Map<string, Set<string> | null>();

/** Reads and caches the oracle anchors under `referenceDir`; null when the file is missing. */
export function loadOracleAnchors(referenceDir: string): Set<string> | null {
  const file = join(referenceDir, "oracle-findings.md");
  if (!anchorCache.has(file)) {
    let anchors: Set<string> | null = null;
    try {
      anchors = oracleAnchors(readFileSync(file, "utf8"));
    } catch {
      // Not every checkout has the reference material; only the anchor check depends on it.
    }
    anchorCache.set(file, anchors);
  }
  return anchorCache.get(file) ?? null;
}

/** Evidence for cases outside the reference corpus: any well-formed reference. */
export function looseEvidenceProblem(ev: string): EvidenceProblem | null {
  const e = ev.trim();
  if (LOOSE_EVIDENCE.test(e) || FUZZ_EVIDENCE.test(e)) return null;
  return {
    code: "evidence-invalid",
    message: `'${ev}' is not a URL, a file reference (name.md#anchor), an issue (openai/codex#N) or fuzz:seed=N`,
  };
}

const docCache = new Map<string, Set<string>>();

/** A repo doc's anchors: its headings as GitHub slugs, and every `code-span` that reads as an id. */
function docAnchors(file: string): Set<string> {
  let hit = docCache.get(file);
  if (hit) return hit;
  const text = readFileSync(file, "utf8");
  hit = new Set<string>();
  for (const m of text.matchAll(/^#{1,6} (.+)$/gm))
    hit.add(
      m[1]!
        .trim()
        .toLowerCase()
        .replace(/[^\w\s-]/g, "")
        .replace(/\s/g, "-"),
    );
  for (const m of text.matchAll(/`([a-z0-9][\w.-]*)`/g)) hit.add(m[1]!);
  docCache.set(file, hit);
  return hit;
}

/**
 * Evidence in the reference corpus: a reference file with an anchor, a repo doc
 * (`docs/name.md#anchor`) or a fuzz replay (`fuzz:seed=N;path=P`).
 */
export function evidenceProblem(ev: string, ctx: EvidenceContext): EvidenceProblem | null {
  const e = ev.trim();
  if (FUZZ_EVIDENCE.test(e)) return null;
  const hash = e.indexOf("#");
  const doc = hash < 0 ? e : e.slice(0, hash);
  const anchor = hash < 0 ? "" : e.slice(hash + 1);
  const isReference = (REFERENCE_FILES as readonly string[]).includes(doc);
  if (!isReference && !DOCS_EVIDENCE.test(doc)) {
    return {
      code: "evidence-invalid",
      message: `'${ev}' cites neither a reference file (${REFERENCE_FILES.join(", ")}), docs/<name>.md nor fuzz:seed=N;path=P`,
    };
  }
  if (!anchor) return { code: "evidence-no-anchor", message: `'${ev}' has no #anchor` };
  if (!isReference) {
    if (!existsSync(join(ctx.repoDir, doc))) {
      return { code: "evidence-unknown-anchor", message: `'${ev}': there is no ${doc} in the repository` };
    }
    if (!docAnchors(join(ctx.repoDir, doc)).has(anchor))
      return {
        code: "evidence-unknown-anchor",
        message: `'${ev}': ${doc} has no heading or \`${anchor}\` entry named '${anchor}'`,
      };
    return null;
  }
  if ((doc === "spec-from-source.md" || doc === "version-drift.md") && !NUMBERED_ANCHOR.test(anchor)) {
    return {
      code: "evidence-anchor-invalid",
      message: `'${ev}': ${doc} anchors are section or scenario numbers (7, 7.1)`,
    };
  }
  if (doc === "oracle-findings.md" && ctx.oracleAnchors && !ctx.oracleAnchors.has(anchor)) {
    return {
      code: "evidence-unknown-anchor",
      message: `'${ev}': oracle-findings.md has no scenario, rule or section named '${anchor}'`,
    };
  }
  return null;
}
