import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { TEMPLATE_DIR_PREFIX } from "../src/plan.js";

function readOrMissing(path: string): string {
  return existsSync(path) ? readFileSync(path, "latin1") : "<missing>";
}

function treeDigest(dir: string): string {
  if (!existsSync(dir)) return "<missing>";
  const parts: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    parts.push(
      statSync(p).isDirectory() ? `${name}/{${treeDigest(p)}}` : `${name}=${readFileSync(p, "latin1")}`,
    );
  }
  return parts.join(";");
}

/** Hash of what a leaking probe could change on the host: /etc/codex, /etc/hosts, /etc/hostname, the hostname. */
export function hostFingerprint(): string {
  const h = createHash("sha256");
  for (const part of [
    treeDigest("/etc/codex"),
    readOrMissing("/etc/hosts"),
    readOrMissing("/etc/hostname"),
    hostname(),
  ]) {
    h.update(part);
    h.update("\0");
  }
  return h.digest("hex");
}

/** Pids of live processes whose command line or environment mentions `needle`. */
export function processesMentioning(needle: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    for (const file of ["cmdline", "environ"]) {
      try {
        if (readFileSync(`/proc/${entry}/${file}`, "latin1").includes(needle)) {
          out.push(Number(entry));
          break;
        }
      } catch {
        // exited meanwhile, or not ours to read
      }
    }
  }
  return out;
}

/**
 * What a run left in `dir`: everything but the run-directory template, which lives until the process
 * exits (see run.ts).
 */
export function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => !n.startsWith(TEMPLATE_DIR_PREFIX));
}

/**
 * Polls until `check` returns an empty list, or `limitMs` passes; returns the last list. For state
 * the kernel settles on its own time (processes of a killed namespace being reaped).
 */
export async function settled<T>(check: () => T[], limitMs = 20_000): Promise<T[]> {
  const end = Date.now() + limitMs;
  let last = check();
  while (last.length > 0 && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 25));
    last = check();
  }
  return last;
}
