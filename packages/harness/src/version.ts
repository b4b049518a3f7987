import { readFileSync } from "node:fs";

export const SUITE_NAME = "codex-policy-conformance";

/** The harness and corpus are versioned together; reports carry this and the corpus hash. */
export const SUITE_VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
