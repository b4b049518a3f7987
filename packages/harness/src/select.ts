import type { Case } from "@codex-policy/spec";
import { satisfies } from "@codex-policy/spec";

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(s: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(s.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new Error(`--shard takes i/n with 1 <= i <= n, got '${s}'`);
  }
  return { index, count };
}

/** FNV-1a, 32 bits: stable across runs and machines. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Whole cases go to one shard, chosen by a hash of the case id, so adding a case moves no other. */
export function inShard(caseId: string, shard: Shard): boolean {
  return fnv1a(caseId) % shard.count === shard.index - 1;
}

export interface TagFilter {
  include: string[];
  exclude: string[];
}

/** `a,b,!c`: any of a or b, and not c. */
export function parseTags(s: string): TagFilter {
  const parts = s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  return {
    include: parts.filter((p) => !p.startsWith("!")),
    exclude: parts.filter((p) => p.startsWith("!")).map((p) => p.slice(1)),
  };
}

export function tagsMatch(tags: string[], f: TagFilter): boolean {
  if (f.exclude.some((t) => tags.includes(t))) return false;
  return f.include.length === 0 || f.include.some((t) => tags.includes(t));
}

export interface CaseFilter {
  tags?: TagFilter;
  codexVersion?: string;
  shard?: Shard;
}

/** Why a case is not selected, or null when it is. */
export function caseExclusion(c: Case, f: CaseFilter): string | null {
  if (f.shard && !inShard(c.id, f.shard)) return "other shard";
  if (f.tags && !tagsMatch(c.tags, f.tags)) return "tags";
  if (f.codexVersion && !satisfies(f.codexVersion, c.codex))
    return `codex ${c.codex} excludes ${f.codexVersion}`;
  return null;
}

export function selectCases(cases: Case[], f: CaseFilter): Case[] {
  return cases.filter((c) => caseExclusion(c, f) === null);
}

/** Deterministic shuffle (mulberry32) so `--seed` reproduces an order. */
export function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
