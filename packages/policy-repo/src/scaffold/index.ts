import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { PRE_COMMIT, WORKFLOW } from "./ci.js";
import { REQUIREMENTS } from "./policy.js";
import { README } from "./readme.js";
import { APPROVAL_TEST, COMMANDS_TEST, MCP_TEST, SANDBOX_TEST, WEB_SEARCH_TEST } from "./tests.js";

/** Where the scaffold's workflow takes the codex-policy action from, unless `init --action` says otherwise. */
export const DEFAULT_ACTION = "codex-policy/codex-policy@v1";

/** The files `codex-policy init` writes, by path from the repository root. */
export function scaffoldFiles(opts: { action?: string } = {}): { path: string; text: string }[] {
  const action = opts.action ?? DEFAULT_ACTION;
  return [
    { path: "policies/requirements.toml", text: REQUIREMENTS },
    { path: "tests/approval.toml", text: APPROVAL_TEST },
    { path: "tests/sandbox.toml", text: SANDBOX_TEST },
    { path: "tests/web-search.toml", text: WEB_SEARCH_TEST },
    { path: "tests/commands.toml", text: COMMANDS_TEST },
    { path: "tests/mcp.toml", text: MCP_TEST },
    { path: ".github/workflows/codex-policy.yml", text: WORKFLOW.replaceAll(DEFAULT_ACTION, action) },
    { path: ".pre-commit-config.yaml", text: PRE_COMMIT },
    { path: "README.md", text: README },
  ];
}

export class ScaffoldError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(`${message} [${code}]`);
  }
}

/**
 * Writes the scaffold into `dir` (created when missing). Refuses, writing nothing, when any of its
 * files exists already, unless `force`. Returns the paths written.
 */
export function writeScaffold(dir: string, opts: { force?: boolean; action?: string } = {}): string[] {
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new ScaffoldError(`${dir}: not a directory`, "init-not-directory");
  const files = scaffoldFiles(opts);
  const taken = files.filter((f) => existsSync(join(dir, f.path))).map((f) => f.path);
  if (taken.length > 0 && !opts.force)
    throw new ScaffoldError(
      `${dir}: ${taken.join(", ")} ${taken.length === 1 ? "exists" : "exist"} already; --force overwrites`,
      "init-would-overwrite",
    );
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
  return files.map((f) => f.path);
}
