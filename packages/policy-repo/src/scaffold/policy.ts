/** The example policy a new repository starts from, commented for its authors. */

/** `policies/requirements.toml` */
export const REQUIREMENTS = `# What Codex enforces on every machine of the fleet. Codex reads this document from
# /etc/codex/requirements.toml (or from an MDM payload or a cloud policy), then fits the settings a
# user, a project or the command line asks for into it. A value that does not fit falls back to an
# allowed one, and the user sees a warning saying so.

# Approval policies users may pick. A disallowed choice falls back to the first entry.
allowed_approval_policies = ["on-request", "untrusted"]

# Sandbox modes users may pick: read-only everywhere, except on the hosts below.
allowed_sandbox_modes = ["read-only"]

# Web search from the cached index only ("disabled" is always allowed too).
allowed_web_search_modes = ["cached"]

# Development boxes may also write to the workspace. The first entry whose pattern matches the
# machine's host name replaces allowed_sandbox_modes above.
[[remote_sandbox_config]]
hostname_patterns = ["*.devbox.example.com"]
allowed_sandbox_modes = ["read-only", "workspace-write"]

# Commands the agent may not run, or must ask about, whatever the user's own rules say.
[rules]
prefix_rules = [
  { pattern = [{ token = "rm" }, { token = "-rf" }], decision = "forbidden", justification = "Clean up with git clean instead." },
  { pattern = [{ token = "git" }, { token = "push" }], decision = "prompt", justification = "Pushing needs a person's approval." },
]

# MCP servers users may run: only these, and only with this exact command.
[mcp_servers.docs.identity]
command = "docs-mcp"
`;
