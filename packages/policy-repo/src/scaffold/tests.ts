/** Tests that pass against the example policy and cover every rule in it. */

/** `tests/approval.toml` */
export const APPROVAL_TEST = `description = "Approval policy: what users may choose, and where a disallowed choice lands"

[scenario.system]
requirements = { file = "policies/requirements.toml" }

[[tests]]
id = "allowed-choice-kept"
description = "A user who picks on-request keeps it"
[tests.scenario.user]
config = 'approval_policy = "on-request"'
[tests.expect]
status = "ok"
"effective.approval_policy" = "on-request"

[[tests]]
id = "never-falls-back"
description = "A user who asks for never gets on-request, and a warning that says so"
[tests.scenario.user]
config = 'approval_policy = "never"'
[tests.expect]
"effective.approval_policy" = "on-request"
"warnings.0.message" = { "$contains" = "approval_policy" }
`;

/** `tests/sandbox.toml` */
export const SANDBOX_TEST = `description = "Sandbox: read-only on laptops, workspace writes on development boxes"

[scenario.system]
requirements = { file = "policies/requirements.toml" }

[scenario.user]
config = 'sandbox_mode = "workspace-write"'

[[tests]]
id = "laptop-read-only"
description = "On a laptop the user's workspace-write falls back to read-only"
[tests.scenario.host]
hostname = "laptop-42"
[tests.expect]
"effective.sandbox_mode" = "read-only"

[[tests]]
id = "devbox-writes"
description = "On a development box workspace-write is allowed"
[tests.scenario.host]
hostname = "box7"
fqdn = "box7.devbox.example.com"
[tests.expect]
"effective.sandbox_mode" = "workspace-write"
`;

/** `tests/web-search.toml` */
export const WEB_SEARCH_TEST = `description = "Web search: cached only"

[scenario.system]
requirements = { file = "policies/requirements.toml" }

[[tests]]
id = "live-falls-back"
description = "A user who asks for live search gets the cached index"
[tests.scenario.user]
config = 'web_search = "live"'
[tests.expect]
"effective.web_search" = "cached"
`;

/** `tests/commands.toml` */
export const COMMANDS_TEST = `description = "Command rules: what the agent may not run, and what it must ask about"

[scenario.system]
requirements = { file = "policies/requirements.toml" }

[scenario.probe]
commands = ["rm -rf build", "git push origin main", "git status"]

[[tests]]
id = "rules"
[tests.expect]
"effective.commands.0.outcome" = "rejected"
"effective.commands.1.decision" = "prompt"
"effective.commands.2.decision" = "none"
`;

/** `tests/mcp.toml` */
export const MCP_TEST = `description = "MCP servers: only the allowlisted one runs"

[scenario.system]
requirements = { file = "policies/requirements.toml" }

[scenario.user]
config = '''
[mcp_servers.docs]
command = "docs-mcp"

[mcp_servers.scraper]
command = "scraper-mcp"
'''

[[tests]]
id = "allowlist"
[tests.expect]
"effective.mcp_servers.docs.enabled" = true
"effective.mcp_servers.scraper.enabled" = false
`;
