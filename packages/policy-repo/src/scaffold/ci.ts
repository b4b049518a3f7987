/** The checks a new repository runs: a GitHub Actions workflow and pre-commit hooks. */

/** `.github/workflows/codex-policy.yml` */
export const WORKFLOW = `# Lints the Codex policies and runs their tests on every pull request and on main.
# The action installs codex-policy; point \`uses:\` at wherever you take it from (a fork, a tag, a commit).
name: codex-policy

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

jobs:
  policy:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      # Lint findings go to code scanning as SARIF.
      security-events: write
    steps:
      - uses: actions/checkout@v4
      - name: Lint the policies
        uses: codex-policy/codex-policy@v1
        with:
          command: lint
          policies: policies
      - name: Test the policies
        uses: codex-policy/codex-policy@v1
        with:
          command: test
          repository: .
          args: --coverage-min 100
`;

/** `.pre-commit-config.yaml` */
export const PRE_COMMIT = `# pre-commit hooks (https://pre-commit.com): lint and test the policies before each commit.
# They call the codex-policy installed in this repository (npm install, see README.md).
repos:
  - repo: local
    hooks:
      - id: codex-policy-lint
        name: codex-policy lint
        entry: npx --no-install codex-policy lint policies
        language: system
        pass_filenames: false
        files: ^policies/
      - id: codex-policy-test
        name: codex-policy test
        entry: npx --no-install codex-policy test .
        language: system
        pass_filenames: false
        files: ^(policies|tests)/
`;
