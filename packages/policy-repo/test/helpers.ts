import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A policy repository in a temporary directory, file by file (removed after the test file). */
export function writeRepo(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "codex-policy-repo-"));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export const REQUIREMENTS = `allowed_approval_policies = ["on-request", "untrusted"]
allowed_web_search_modes = ["cached"]

[[remote_sandbox_config]]
hostname_patterns = ["*.devbox.example.com"]
allowed_sandbox_modes = ["read-only", "workspace-write"]

[rules]
prefix_rules = [
  { pattern = [{ token = "rm" }], decision = "forbidden" },
  { pattern = [{ token = "curl" }], decision = "prompt" },
]

[mcp_servers.docs.identity]
command = "docs-mcp"
`;
