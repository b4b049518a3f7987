import { readFileSync } from "node:fs";
import { PINNED_CODEX_VERSION } from "@codex-policy/codex-cli-adapter";
import { LATEST_EDITION, OLDEST_MINOR } from "@codex-policy/spec";

/** The tool's version: this package's, in the monorepo and in the installed tarball alike. */
export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** What `codex-policy --version` prints: the tool, then the Codex releases it models. */
export function versionText(): string {
  const newest = LATEST_EDITION.replace(/^codex-/, "");
  return [
    `codex-policy ${toolVersion()}`,
    `models Codex CLI 0.${OLDEST_MINOR} to ${newest} (editions codex-0.${OLDEST_MINOR} … ${LATEST_EDITION}, codex-latest = ${LATEST_EDITION}) and the documented edition`,
    `release by release; the corpus is recorded against Codex ${PINNED_CODEX_VERSION}`,
  ].join("\n");
}
