import type { Severity } from "./finding.js";
import type { PolicyKind } from "./kinds.js";

/** One lint code: what it means, how bad it is, and a policy that shows it (the docs page's example). */
export interface CodeEntry {
  code: string;
  severity: Severity;
  title: string;
  /** Why it matters, for the docs page. */
  why: string;
  /** What to do instead. */
  fix: string;
  /** A policy that draws the finding (a test holds every example to its code). */
  example: {
    kind: PolicyKind;
    text: string;
    codex?: string;
    /** Other files of the same directory. */
    with?: Partial<Record<PolicyKind, string>>;
  };
}

const refuses = "Codex refuses to start with this file in place: no session opens until it is fixed.";

/**
 * Every code lint can report. Codes named like the engine's error codes come from the engine's own
 * refusal of the file; the others from what the engine says the file does to a user.
 */
export const CODES: readonly CodeEntry[] = [
  {
    code: "toml-syntax",
    severity: "error",
    title: "The file is not valid TOML",
    why: `${refuses} Codex reports the line and column of the first syntax error; lint reports the same place.`,
    fix: "Correct the TOML at the reported line and column.",
    example: { kind: "requirements", text: 'allowed_approval_policies = ["never"\n' },
  },
  {
    code: "invalid-type",
    severity: "error",
    title: "A value has the wrong type",
    why: `${refuses} For example a list field written as a single string.`,
    fix: "Write the value in the type the field takes (most allow-lists are arrays of strings).",
    example: { kind: "requirements", text: 'allowed_approval_policies = "never"\n' },
  },
  {
    code: "unknown-variant",
    severity: "error",
    title: "A value the targeted releases do not know",
    why: `${refuses} An approval policy, sandbox mode, web-search mode, reviewer or rule decision that a release does not know is a parse error for the whole file. Values differ by release (\`granular\` from 0.115, \`indexed\` web search from 0.142), so lint names the releases that refuse it.`,
    fix: "Use a value every targeted release knows, or narrow the targets with `--codex`.",
    example: { kind: "requirements", text: 'allowed_approval_policies = ["sometimes"]\n' },
  },
  {
    code: "missing-field",
    severity: "error",
    title: "A required field is missing",
    why: `${refuses} For example a \`[[remote_sandbox_config]]\` entry without \`hostname_patterns\`.`,
    fix: "Add the field the message names.",
    example: {
      kind: "requirements",
      text: '[[remote_sandbox_config]]\nallowed_sandbox_modes = ["read-only"]\n',
    },
  },
  {
    code: "unknown-field",
    severity: "error",
    title: "A table that admits only its own fields has another one",
    why: `${refuses} Some requirement tables are strict: a key they do not define is an error, not ignored.`,
    fix: "Remove the key, or move it to the table that defines it.",
    example: { kind: "requirements", text: '[otel]\nendpoint = "http://127.0.0.1:4318"\n' },
  },
  {
    code: "empty-list",
    severity: "error",
    title: "An allow-list is empty",
    why: `${refuses} An empty \`allowed_approval_policies\` (or another allow-list) allows nothing, so Codex rejects it.`,
    fix: "List at least one value, or remove the key to leave the setting unconstrained.",
    example: { kind: "requirements", text: "allowed_approval_policies = []\n" },
  },
  {
    code: "sandbox-without-read-only",
    severity: "error",
    title: "allowed_sandbox_modes lacks read-only",
    why: `${refuses} A disallowed sandbox always falls back to read-only, so Codex requires the list (and every matching remote entry) to contain it.`,
    fix: 'Add "read-only" to the list.',
    example: { kind: "requirements", text: 'allowed_sandbox_modes = ["workspace-write"]\n' },
  },
  {
    code: "rules-invalid",
    severity: "error",
    title: "A prefix rule fails validation",
    why: `${refuses} The most common cause is \`decision = "allow"\`: requirements rules are merged with the user's own rules and the most restrictive wins, so Codex accepts only \`prompt\` and \`forbidden\` there.`,
    fix: 'Use `decision = "prompt"` or `"forbidden"`; leave allow rules to the user\'s own rules files.',
    example: {
      kind: "requirements",
      text: '[rules]\nprefix_rules = [\n  { pattern = [{ token = "ls" }], decision = "allow" },\n]\n',
    },
  },
  {
    code: "mcp-identity-invalid",
    severity: "error",
    title: "An MCP allowlist entry has no usable identity",
    why: `${refuses} Each \`[mcp_servers.NAME]\` entry names the server by \`identity = { command = … }\` or \`identity = { url = … }\`.`,
    fix: "Give the entry a command or url identity.",
    example: { kind: "requirements", text: "[mcp_servers.docs]\nidentity = {}\n" },
  },
  {
    code: "login-methods-empty",
    severity: "error",
    title: "No login method is allowed",
    why: `${refuses} An empty \`allowed_login_methods\` leaves no way to sign in.`,
    fix: 'Allow at least one method, e.g. `["chatgpt"]`.',
    example: { kind: "requirements", text: "allowed_login_methods = []\n" },
  },
  {
    code: "deny-read-unsafe-glob",
    severity: "error",
    title: "A deny_read glob starts at the filesystem root",
    why: "Codex starts, but no thread can: the sandbox cannot expand a glob rooted at `/`.",
    fix: "Anchor the glob under a directory, e.g. `/home/*/secrets/**`.",
    example: { kind: "requirements", text: '[permissions.filesystem]\ndeny_read = ["/**"]\n' },
  },
  {
    code: "config-approval-untrusted",
    severity: "error",
    title: 'approval_policy = "untrusted" in a config file',
    why: "Codex does not accept `untrusted` from a config file; the file fails to load.",
    fix: 'Use `"on-request"` in config; `untrusted` is what Codex picks for an untrusted project by itself.',
    example: { kind: "config", text: 'approval_policy = "untrusted"\n' },
  },
  {
    code: "config-invalid",
    severity: "error",
    title: "A config file fails to load",
    why: "A value Codex cannot read stops it from loading the config file.",
    fix: "Correct the value the message names.",
    example: { kind: "config", text: 'default_permissions = "mine"\n' },
  },
  {
    code: "unknown-feature-requirement",
    severity: "error",
    title: "A feature pin names a feature the release does not know",
    why: "Releases 0.110 to 0.123 refuse to start on an unknown pin; later releases ignore it with a warning. Either way the pin enforces nothing.",
    fix: "Correct the feature name (see `codex features list`), or remove the pin.",
    example: { kind: "requirements", text: "[features]\nfoo_bar = true\n", codex: ">=0.110 <0.124" },
  },
  {
    code: "removed-feature-requirement",
    severity: "warning",
    title: "A feature pin names a removed feature",
    why: "Codex ignores the pin and warns every user at start.",
    fix: "Remove the pin.",
    example: { kind: "requirements", text: "[features]\nrealtime_conversation = true\n" },
  },
  {
    code: "legacy-feature-requirement",
    severity: "warning",
    title: "A feature pin uses a legacy name",
    why: "The pin still applies under its canonical name, and Codex warns every user at start.",
    fix: "Pin the canonical feature name instead.",
    example: { kind: "requirements", text: "[features]\nconnectors = true\n" },
  },
  {
    code: "command-rules-blog-syntax",
    severity: "error",
    title: "[[command_rules]] is not Codex syntax",
    why: "No Codex release ever enforced `[[command_rules]]`: the tables are ignored, so the commands they meant to forbid run. The syntax Codex reads is `[rules] prefix_rules`.",
    fix: "Rewrite each entry as a `[rules] prefix_rules` entry (`--fix` does it).",
    example: {
      kind: "requirements",
      text: '[[command_rules]]\npattern = ["rm", "-rf"]\ndecision = "forbidden"\n',
    },
  },
  {
    code: "unknown-key",
    severity: "warning",
    title: "A key the targeted releases do not read",
    why: "Codex ignores keys it does not know (from 0.156 with a warning at start), so a misspelled key enforces nothing.",
    fix: "Correct the spelling (lint suggests the nearest known key; `--fix` renames it), or remove the key.",
    example: { kind: "requirements", text: 'allowed_approval_policys = ["on-request"]\n' },
  },
  {
    code: "default-falls-back",
    severity: "warning",
    title: "Codex's own default is not allowed, so every user sees a warning",
    why: "When a user sets nothing, Codex starts from its default; if the requirements disallow it, Codex falls back and prints a warning at every start.",
    fix: "Allow the default too, or have managed config set an allowed value.",
    example: { kind: "requirements", text: 'allowed_web_search_modes = ["disabled"]\n' },
  },
  {
    code: "default-replaced-silently",
    severity: "note",
    title: "Codex's own default is not allowed and is replaced without a word",
    why: "Users who set nothing get the fallback value, and nothing tells them so.",
    fix: "If that value is intended, set it in managed config so that it is explicit.",
    example: { kind: "requirements", text: 'allowed_approval_policies = ["never"]\n' },
  },
  {
    code: "approval-fallback-order",
    severity: "note",
    title: "The order of allowed_approval_policies decides the fallback",
    why: "A user whose approval policy the list disallows falls back to the first entry, so reordering the list changes what those users get.",
    fix: "Put the value disallowed users should get first.",
    example: { kind: "requirements", text: 'allowed_approval_policies = ["untrusted", "never"]\n' },
  },
  {
    code: "never-full-access-refused",
    severity: "warning",
    title: "A user with approval never and danger-full-access cannot start",
    why: "When the requirements allow `never` but not `danger-full-access`, a user whose config sets both is refused at start instead of falling back.",
    fix: "Disallow `never` as well, or tell users not to combine the two.",
    example: {
      kind: "requirements",
      text: 'allowed_approval_policies = ["on-request", "never"]\nallowed_sandbox_modes = ["read-only", "workspace-write"]\n',
    },
  },
  {
    code: "mcp-servers-empty",
    severity: "warning",
    title: "An empty [mcp_servers] disables every MCP server",
    why: "An allowlist with no entries allows none: every MCP server a user configures is disabled.",
    fix: "List the servers to allow, or remove the table to leave MCP servers unconstrained.",
    example: { kind: "requirements", text: "[mcp_servers]\n" },
  },
  {
    code: "remote-sandbox-never-matches",
    severity: "warning",
    title: "A remote_sandbox_config pattern can never match a host name",
    why: "Host names are matched case-insensitively against the patterns; a pattern with characters no host name has, or an empty one, never applies.",
    fix: "Correct the pattern (globs take `*` and `?`).",
    example: {
      kind: "requirements",
      text: '[[remote_sandbox_config]]\nhostname_patterns = ["build server"]\nallowed_sandbox_modes = ["read-only"]\n',
    },
  },
  {
    code: "remote-sandbox-shadowed",
    severity: "warning",
    title: "A remote_sandbox_config entry is shadowed by an earlier one",
    why: "The first entry whose pattern matches the host applies; an entry whose every host an earlier entry already matches never applies.",
    fix: "Move the more specific entry first, or remove it.",
    example: {
      kind: "requirements",
      text: '[[remote_sandbox_config]]\nhostname_patterns = ["*.corp.example"]\nallowed_sandbox_modes = ["read-only"]\n\n[[remote_sandbox_config]]\nhostname_patterns = ["ci-*.corp.example"]\nallowed_sandbox_modes = ["read-only", "workspace-write"]\n',
    },
  },
  {
    code: "legacy-key-overridden",
    severity: "warning",
    title: "A managed_config.toml key that requirements.toml overrides",
    why: "Up to 0.136, where requirements.toml and the legacy managed_config.toml constrain the same setting, requirements.toml wins and the legacy key enforces nothing.",
    fix: "Remove the legacy key, or move the whole policy into requirements.toml.",
    example: {
      kind: "managed_config",
      text: 'approval_policy = "never"\n',
      codex: ">=0.130 <0.137",
      with: { requirements: 'allowed_approval_policies = ["on-request"]\n' },
    },
  },
  {
    code: "legacy-overrides-requirements",
    severity: "warning",
    title: "A requirements.toml entry that managed_config.toml overrides",
    why: "From 0.137 the legacy managed_config.toml wins where both files constrain the same setting, so this entry is not enforced on those releases.",
    fix: "Remove the legacy key from managed_config.toml so that requirements.toml decides.",
    example: {
      kind: "requirements",
      text: 'allowed_approval_policies = ["on-request"]\n',
      codex: ">=0.137",
      with: { managed_config: 'approval_policy = "never"\n' },
    },
  },
  {
    code: "suppression-without-reason",
    severity: "warning",
    title: "A suppression comment without a reason",
    why: "A `# codex-policy: ignore CODE` comment must say why, so that reviewers can judge it; without a reason it suppresses nothing.",
    fix: "Add the reason after the code: `# codex-policy: ignore unknown-key kept for 0.120 clients`.",
    example: { kind: "requirements", text: "# codex-policy: ignore mcp-servers-empty\n[mcp_servers]\n" },
  },
  {
    code: "codex-warns",
    severity: "warning",
    title: "Codex prints a warning at every start",
    why: "The message is Codex's own (a deprecated key, say). Users see it each time they start Codex.",
    fix: "Follow Codex's message.",
    example: { kind: "config", text: "[features]\ncollab = true\n" },
  },
  {
    code: "codex-refuses",
    severity: "error",
    title: "Codex refuses to start with this file",
    why: `${refuses} The message is Codex's own; the engine code it carries names the cause.`,
    fix: "Follow Codex's message.",
    example: {
      kind: "requirements",
      text: "[features]\nshell_tool = true\n\n[feature_requirements]\nshell_tool = true\n",
    },
  },
];

export const CODE_INDEX: ReadonlyMap<string, CodeEntry> = new Map(CODES.map((c) => [c.code, c]));

export function codeEntry(code: string): CodeEntry {
  const e = CODE_INDEX.get(code);
  if (!e) throw new Error(`lint code without a catalogue entry: ${code}`);
  return e;
}
