import { toGithub } from "./github.js";
import { toJsonl } from "./jsonl.js";
import { toJunit } from "./junit.js";
import { toPretty } from "./pretty.js";
import { toTap } from "./tap.js";
import type { Report } from "./types.js";

export const REPORTERS = {
  pretty: toPretty,
  jsonl: toJsonl,
  junit: toJunit,
  tap: toTap,
  github: toGithub,
} as const satisfies Record<string, (r: Report) => string>;
export type ReporterName = keyof typeof REPORTERS;

export { parseJsonl } from "./jsonl.js";
export { exitCodeFor, summarize } from "./summary.js";
export * from "./types.js";
export { toGithub, toJsonl, toJunit, toPretty, toTap };
