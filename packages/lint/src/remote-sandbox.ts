import { globMatches, normalizeHost } from "@codex-policy/engine";
import type { RawFinding } from "./under-edition.js";

/** Characters a host name can have; a pattern with any other can never match one. */
const HOST_PATTERN = /^[a-z0-9._*?-]+$/;

/** Host names a pattern matches, with its wildcards filled in several ways. */
function witnesses(pattern: string): string[] {
  const p = normalizeHost(pattern);
  return ["", "a", "z9", "x-y.q"].map((fill) =>
    p.replace(/\*/g, fill).replace(/\?/g, fill === "" ? "a" : fill[0]!),
  );
}

/** Whether every host `later` matches, `earlier` matches too (checked on witnesses of `later`). */
const covers = (earlier: string, later: string) =>
  witnesses(later).every((w) => w !== "" && globMatches(earlier, w));

/** Entries whose patterns cannot match, and entries an earlier entry always wins over. */
export function remoteSandboxFindings(doc: Record<string, unknown>): RawFinding[] {
  const entries = doc.remote_sandbox_config;
  if (!Array.isArray(entries)) return [];
  const out: RawFinding[] = [];
  const usable: string[][] = [];
  entries.forEach((entry, i) => {
    const raw =
      entry && typeof entry === "object" ? (entry as Record<string, unknown>).hostname_patterns : undefined;
    const patterns = Array.isArray(raw) ? raw.filter((p): p is string => typeof p === "string") : [];
    const dead = patterns.filter((p) => !HOST_PATTERN.test(normalizeHost(p)));
    for (const p of dead)
      out.push({
        code: "remote-sandbox-never-matches",
        severity: "warning",
        message: `hostname pattern ${JSON.stringify(p)} can never match a host name.`,
        path: ["remote_sandbox_config", i],
      });
    const live = patterns.filter((p) => !dead.includes(p));
    const by = usable.findIndex(
      (earlier) => live.length > 0 && live.every((q) => earlier.some((p) => covers(p, q))),
    );
    if (by >= 0)
      out.push({
        code: "remote-sandbox-shadowed",
        severity: "warning",
        message: `entry ${i + 1} never applies: entry ${by + 1} (${usable[by]!.map((p) => JSON.stringify(p)).join(", ")}) matches every host it matches, and the first match wins.`,
        path: ["remote_sandbox_config", i],
      });
    usable.push(live);
  });
  return out;
}
