import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** Files in a new temporary directory (removed after the test file); returns the directory. */
export function files(tree: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "codex-policy-impact-"));
  made.push(dir);
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export const OLD = `allowed_approval_policies = ["on-request", "untrusted", "never"]
allowed_sandbox_modes = ["read-only", "workspace-write", "danger-full-access"]

[mcp_servers.github.identity]
command = "github-mcp"

[mcp_servers.jira.identity]
url = "https://mcp.example.com/jira"
`;

export const NEW = `allowed_approval_policies = ["on-request", "untrusted"]
allowed_sandbox_modes = ["read-only", "workspace-write"]

[[remote_sandbox_config]]
hostname_patterns = ["*.devbox.example.com"]
allowed_sandbox_modes = ["read-only", "workspace-write", "danger-full-access"]

[mcp_servers.github.identity]
command = "github-mcp"

[rules]
prefix_rules = [{ pattern = [{ token = "git" }, { token = "push" }], decision = "prompt" }]
`;
