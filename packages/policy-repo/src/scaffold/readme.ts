/** The new repository's README. */

/** `README.md` */
export const README = `# Codex policies

The managed configuration our Codex CLI fleet runs under, and the tests that say what it must do.
Started with \`codex-policy init\`.

## Layout

| path | what it is |
| --- | --- |
| \`policies/requirements.toml\` | what Codex enforces: deploy it as \`/etc/codex/requirements.toml\`, an MDM payload or a cloud policy |
| \`tests/*.toml\` | scenario tests: a user, a machine and their settings, and what Codex must then do |
| \`.github/workflows/codex-policy.yml\` | lints the policies and runs the tests on every pull request |
| \`.pre-commit-config.yaml\` | the same two checks before each commit |

## Run the checks

codex-policy runs on Node.js 20 or newer. Install it in this repository (from its release tarball,
or however your organisation distributes it), then:

\`\`\`sh
npx codex-policy lint policies                  # what Codex refuses, ignores or does to users
npx codex-policy test                           # the tests, then which rules they covered
npx codex-policy test --codex ">=0.150"         # the same tests for every release from 0.150
npx codex-policy test --impl codex-cli          # the tests on the real Codex binary (Linux)
\`\`\`

\`test\` exits 0 when every test passes, 1 when one fails (or coverage is below \`--coverage-min\`),
and 2 when a test file or a policy file it points at cannot be read.

## Writing a test

A test file is a scenario and the facts its outcome must have. A document can be written inline, or
point at a file of this repository (the path is from the repository root):

\`\`\`toml
description = "A user who asks for never gets on-request"

[scenario.system]
requirements = { file = "policies/requirements.toml" }

[scenario.user]
config = 'approval_policy = "never"'

[[tests]]
id = "never-falls-back"
[tests.expect]
"effective.approval_policy" = "on-request"
\`\`\`

Each \`[[tests]]\` entry may change the scenario (\`[tests.scenario.host]\`, \`[tests.scenario.user]\`, …)
and checks paths of the outcome: \`effective.*\` (the values Codex runs with), \`warnings\`, \`errors\`
and \`status\` (\`ok\`, or \`refused\` when Codex will not start). A failing test prints each path it
checked with the expected and the actual value; \`codex-policy schema scenario\` and
\`codex-policy schema outcome\` print both formats in full.

MDM payloads take a file the same way (it is base64-encoded for you), and cloud policies are a file
of group rules:

\`\`\`toml
[scenario.cloud]
file = "policies/cloud.toml"   # default = '...' and [[rules]] with name, groups, requirements
cache = "valid"
\`\`\`

## Coverage

After the tests, \`test\` lists every rule of the policy files (requirement fields, remote sandbox
entries, prefix rules, MCP allowlist entries, feature pins, managed hooks, cloud group rules) with
the tests it decided. A rule no test decided is either untested or dead (for example a host pattern
that never matches, or a field a higher layer overrides). \`--coverage-json FILE\` writes the same as
JSON, and CI fails below \`--coverage-min\`.
`;
