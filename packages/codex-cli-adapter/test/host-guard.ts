import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

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
