// `pnpm bench impact`: codex-policy impact over a 1,000-entry roster (target < 2 s).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { impactOf, readPolicyVersion, readRoster } from "@codex-policy/impact";
import { LATEST_EDITION } from "@codex-policy/spec";

export interface ImpactBench {
  entries: number;
  changed: number;
  /** Reading the roster and the policies and resolving both sides, in this process. */
  seconds: number;
  /** `codex-policy impact … --json` end to end, start-up included. */
  cliSeconds: number;
}

const ASKS = [
  'sandbox_mode = "danger-full-access"',
  'approval_policy = "never"',
  'sandbox_mode = "workspace-write"\nweb_search = "live"',
  '[mcp_servers.jira]\nurl = "https://mcp.example.com/jira"',
  "",
];

/** A CSV roster of `n` entries, each with its own host and config (no two scenarios alike). */
export function writeRoster(file: string, n: number): void {
  const rows = ["name,count,groups,hostname,fqdn,user_config,commands"];
  for (let i = 0; i < n; i++) {
    const devbox = i % 3 === 0;
    const config = `# person ${i}\n${ASKS[i % ASKS.length]}`.replaceAll('"', '""');
    rows.push(
      `person ${i},${1 + (i % 7)},team${i % 10},h${i},${devbox ? `h${i}.devbox.example.com` : ""},"${config}",git push origin b${i};ls`,
    );
  }
  writeFileSync(file, `${rows.join("\n")}\n`);
}

export async function benchImpact(n: number): Promise<ImpactBench> {
  const dir = mkdtempSync(join(tmpdir(), "codex-policy-impact-bench-"));
  const examples = join(import.meta.dirname, "..", "..", "examples", "impact");
  try {
    const roster = join(dir, "roster.csv");
    writeRoster(roster, n);
    const start = process.hrtime.bigint();
    const impacts = impactOf(
      readPolicyVersion(join(examples, "before")),
      readPolicyVersion(join(examples, "after")),
      readRoster(roster),
      LATEST_EDITION,
    );
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const bin = join(import.meta.dirname, "..", "..", "apps", "cli", "bin", "codex-policy.mjs");
    spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8" });
    const cliStart = process.hrtime.bigint();
    const args = ["impact", "--before", join(examples, "before"), "--after", join(examples, "after")];
    const r = spawnSync(process.execPath, [bin, ...args, "--roster", roster, "--json"], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    const cliSeconds = Number(process.hrtime.bigint() - cliStart) / 1e9;
    if (r.status !== 1) throw new Error(`impact failed (exit ${r.status}): ${r.stderr.slice(0, 300)}`);
    return { entries: n, changed: impacts.filter((i) => i.changes.length > 0).length, seconds, cliSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
