import {
  catalogueFor,
  type EditionSpec,
  editionSpec,
  knownTopLevelKeys,
  parseToml,
  resolveUnder,
  unrecognizedKeys,
} from "@codex-policy/engine";
import { type Outcome, type OutcomeError, RELEASE_EDITIONS } from "@codex-policy/spec";
import { stringify } from "smol-toml";
import { CODE_INDEX } from "./catalogue.js";
import type { Fix, Severity } from "./finding.js";
import { type PolicyKind, policyKindOf } from "./kinds.js";
import type { KeyPath, Span } from "./locate.js";
import { lineOwners } from "./owners.js";
import { behaviourProbes } from "./probes.js";
import { remoteSandboxFindings } from "./remote-sandbox.js";
import { scenarioFor } from "./scenario.js";
import { nearest } from "./suggest.js";

/** A finding under one edition, before the targets are merged and the path is located. */
export interface RawFinding {
  code: string;
  severity: Severity;
  message: string;
  /** Where it is written, as a key path; or a parser's own span. */
  path?: KeyPath;
  span?: Span;
  fix?: Fix;
  /** For `unknown-key`: the key a rename fix writes. */
  rename?: { path: KeyPath; to: string };
}

/** Warnings that other findings already say more precisely. */
const RESTATED_WARNINGS = new Set(["unrecognized-settings", "requirement-fallback", "invalid-configuration"]);

/** The path Codex names in a field error (`in \`mcp_servers.docs\``), or the first document key it quotes. */
function pathOf(message: string, doc: Record<string, unknown> | null): KeyPath | undefined {
  const feature = /`features` requirement `([^`]+)`/.exec(message);
  if (feature) return ["features", feature[1]!];
  // Deprecation notices name keys as `[features].collab`.
  message = message.replace(/`\[([^\]`]+)\]\.([^`]+)`/g, "`$1.$2`");
  const inLine = /\nin `([^`]+)`/.exec(message);
  if (inLine) return inLine[1]!.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  for (const m of message.matchAll(/`([A-Za-z0-9_.-]+)`/g)) {
    const key = m[1]!.split(".")[0]!;
    if (doc && key in doc) return m[1]!.split(".");
  }
  return undefined;
}

function severityFor(code: string): Severity {
  return CODE_INDEX.get(code)?.severity ?? "error";
}

function errorFinding(e: OutcomeError, doc: Record<string, unknown> | null, isolated?: string): RawFinding {
  const code = CODE_INDEX.has(e.code) ? e.code : "codex-refuses";
  const message = code === "codex-refuses" ? `${e.message} (${e.code})` : e.message;
  const path = pathOf(e.message, doc) ?? (isolated !== undefined ? [isolated] : undefined);
  const located = e.line !== undefined;
  return {
    code,
    severity: "error",
    message: message.trim(),
    ...(located
      ? { span: { line: e.line!, column: e.column ?? 1, endLine: e.line!, endColumn: (e.column ?? 1) + 1 } }
      : {}),
    ...(path && !located ? { path } : {}),
  };
}

/** A warning the engine gives every user at start. */
function warningFinding(code: string, message: string, doc: Record<string, unknown>): RawFinding | null {
  if (RESTATED_WARNINGS.has(code)) return null;
  const own = CODE_INDEX.has(code) ? code : "codex-warns";
  const path = pathOf(message, doc);
  return {
    code: own,
    severity: own === code ? "warning" : severityFor(own),
    message,
    ...(path ? { path } : {}),
  };
}

/**
 * Each top-level key alone, so that one refusal does not hide the next: the file with every other
 * key's lines blanked, so that Codex's line and column still point into the file as written.
 */
function isolatedRuns(
  kind: PolicyKind,
  text: string,
  doc: Record<string, unknown>,
  spec: EditionSpec,
): [string, Outcome][] {
  const owners = lineOwners(text);
  return Object.keys(doc).map((k) => [
    k,
    resolveUnder(scenarioFor(kind, keysText(text, owners, doc, [k])), spec),
  ]);
}

/** The file with only `keys` kept: their own lines where that parses, else the keys written anew. */
function keysText(
  text: string,
  owners: (string | null)[],
  doc: Record<string, unknown>,
  keys: string[],
): string {
  const kept = text
    .split("\n")
    .map((l, i) => (owners[i] !== null && keys.includes(owners[i]!) ? l : ""))
    .join("\n");
  const r = parseToml(kept);
  if (r.ok && Object.keys(r.doc).length === keys.length) return kept;
  return textOf(Object.fromEntries(keys.map((k) => [k, doc[k]]))) ?? "";
}

function dedupe(findings: RawFinding[]): RawFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}\u0000${f.message}\u0000${JSON.stringify(f.path ?? f.span)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The document as TOML text, or null when it cannot be written back (a key smol-toml cannot emit). */
function textOf(doc: Record<string, unknown>): string | null {
  try {
    return stringify(doc);
  } catch {
    return null;
  }
}

/** What one release makes of one policy file. */
export function lintUnderEdition(kind: PolicyKind, text: string, spec: EditionSpec): RawFinding[] {
  const whole = resolveUnder(scenarioFor(kind, text), spec);
  const parsed = parseToml(text);
  if (!parsed.ok) return whole.errors.map((e) => errorFinding(e, null));
  const doc = parsed.doc as Record<string, unknown>;
  const out: RawFinding[] = [];
  // The file as Codex runs it; after a refusal, the keys that load by themselves, so that the
  // rest of the file is still checked.
  let base: { text: string; doc: Record<string, unknown>; outcome: Outcome } | null = null;
  if (whole.status === "ok") base = { text, doc, outcome: whole };
  else {
    const healthy: Record<string, unknown> = {};
    for (const [key, o] of isolatedRuns(kind, text, doc, spec)) {
      for (const e of o.errors) out.push(errorFinding(e, doc, key));
      if (o.status === "ok") healthy[key] = doc[key];
    }
    // A refusal no key causes alone comes from keys together (never with a refused full access, say).
    const alone = new Set(out.map((f) => f.code));
    for (const e of whole.errors)
      if (!alone.has(CODE_INDEX.has(e.code) ? e.code : "codex-refuses")) out.push(errorFinding(e, doc));
    const rest = keysText(text, lineOwners(text), doc, Object.keys(healthy));
    const outcome = resolveUnder(scenarioFor(kind, rest), spec);
    if (outcome.status === "ok") base = { text: rest, doc: healthy, outcome };
  }
  if (base) out.push(...fromOutcome(base.outcome, doc));
  out.push(...unknownKeyFindings(policyKindOf(kind), doc, spec));
  if (kind === "requirements") {
    out.push(...remoteSandboxFindings(doc));
    if (base) out.push(...behaviourProbes(base.text, base.doc, spec));
  }
  return dedupe(out).map((f) => withFeatureSuggestion(f, spec));
}

/** An unknown feature pin that is a misspelling of a feature the release has: name it, offer the rename. */
function withFeatureSuggestion(f: RawFinding, spec: EditionSpec): RawFinding {
  if (f.code !== "unknown-feature-requirement" || f.path?.length !== 2) return f;
  const name = String(f.path[1]);
  const to = nearest(
    name,
    catalogueFor(spec.featureRelease).all.map((s) => s.key),
  );
  if (!to) return f;
  return { ...f, message: `${f.message}; did you mean \`${to}\`?`, rename: { path: f.path, to } };
}

/** The warnings and notices of a file Codex starts with. */
function fromOutcome(o: Outcome, doc: Record<string, unknown>): RawFinding[] {
  const out: RawFinding[] = [];
  for (const w of o.warnings) {
    const f = warningFinding(w.code, w.message, doc);
    if (f) out.push(f);
  }
  for (const n of o.notices) {
    if (n.kind === "blog-command-rules")
      out.push({
        code: "command-rules-blog-syntax",
        severity: "error",
        message: n.message,
        path: ["command_rules"],
      });
    if (n.kind === "fallback" && n.field)
      out.push({
        code: "default-falls-back",
        severity: "warning",
        message: `With no setting of their own, every user gets \`${String(n.effective)}\` and this warning at start: ${n.message}`,
        path: constrainingKey(n.field),
      });
    if (n.kind === "silent-fallback" && n.field)
      out.push({
        code: "default-replaced-silently",
        severity: "note",
        message: n.message,
        path: constrainingKey(n.field),
      });
  }
  return out;
}

/** Where a constrained setting's allow-list is written. */
const CONSTRAINING_KEYS: Record<string, KeyPath> = {
  approval_policy: ["allowed_approval_policies"],
  sandbox_mode: ["allowed_sandbox_modes"],
  permission_profile: ["allowed_sandbox_modes"],
  web_search_mode: ["allowed_web_search_modes"],
  approvals_reviewer: ["allowed_approvals_reviewers"],
  "windows.sandbox": ["windows", "allowed_sandbox_implementations"],
};
const constrainingKey = (field: string): KeyPath | undefined => CONSTRAINING_KEYS[field];

/** Keys the release does not read; features are left to the engine's own pin warnings. */
function unknownKeyFindings(
  kind: "requirements" | "config",
  doc: Record<string, unknown>,
  spec: EditionSpec,
): RawFinding[] {
  const known = knownTopLevelKeys(kind, spec);
  return unrecognizedKeys(kind, doc as never, spec)
    .filter(
      (k) => k !== "command_rules" && !k.startsWith("features.") && !k.startsWith("feature_requirements."),
    )
    .map((dotted) => {
      const path = dotted.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      if (path.length === 1 && readElsewhere(kind, dotted))
        return {
          code: "unknown-key",
          severity: "warning" as const,
          message: `\`${dotted}\` is not read by this release, so here it enforces nothing (other Codex releases read it).`,
          path,
        };
      const top = path.length === 1 ? nearest(dotted, known) : null;
      return {
        code: "unknown-key",
        severity: "warning",
        message: top
          ? `\`${dotted}\` is not a key Codex reads, so it enforces nothing; did you mean \`${top}\`?`
          : `\`${dotted}\` is not a key Codex reads, so it enforces nothing.`,
        path,
        ...(top ? { rename: { path, to: top }, fix: { description: `rename to \`${top}\`` } } : {}),
      };
    });
}

/** Whether some modelled release reads a top-level key. */
function readElsewhere(kind: "requirements" | "config", key: string): boolean {
  return RELEASE_EDITIONS.some((e) => knownTopLevelKeys(kind, editionSpec(e)).has(key));
}
