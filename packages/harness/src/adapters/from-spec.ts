import { waitBoundJobs } from "../pool.js";
import { codexCliAdapter } from "./codex-cli.js";
import { splitCommand } from "./command.js";
import { engineAdapter } from "./engine.js";
import { JsonlAdapter } from "./jsonl.js";
import { OneshotAdapter } from "./oneshot.js";
import type { Adapter } from "./types.js";

export interface ImplChoice {
  adapter: Adapter;
  defaultTimeoutMs: number;
  /** The engine runs every edition by default; everything else runs codex-0.169. */
  allEditionsByDefault: boolean;
  /** Instances run at once unless `--jobs` says otherwise. */
  defaultJobs: number;
  /** A real binary is held to its own release's claims unless an edition or release is named. */
  ownReleaseByDefault?: boolean;
}

export interface ImplOptions {
  validate?: boolean;
  capabilities?: string[];
  codexBin?: string;
  cwd?: string;
}

export class ImplSpecError extends Error {
  readonly code = "impl-invalid";
}

/** `engine`, `codex-cli`, `cmd:<command>` (long-lived JSON lines) or `oneshot:<command>`. */
export function adapterFromSpec(spec: string, opts: ImplOptions = {}): ImplChoice {
  if (spec === "engine")
    return {
      adapter: engineAdapter(),
      defaultTimeoutMs: 5_000,
      allEditionsByDefault: true,
      defaultJobs: 1,
    };
  if (spec === "codex-cli") {
    return {
      adapter: codexCliAdapter({ codexBin: opts.codexBin }),
      defaultTimeoutMs: 60_000,
      allEditionsByDefault: false,
      defaultJobs: waitBoundJobs(),
      ownReleaseByDefault: true,
    };
  }
  const m = /^(cmd|oneshot):(.*)$/s.exec(spec);
  if (!m)
    throw new ImplSpecError(
      `--impl takes engine, codex-cli, cmd:"<command>" or oneshot:"<command>", got '${spec}'`,
    );
  let argv: string[];
  try {
    argv = splitCommand(m[2]!);
  } catch (e) {
    throw new ImplSpecError(`--impl ${m[1]}: ${(e as Error).message}`);
  }
  if (m[1] === "cmd") {
    return {
      adapter: new JsonlAdapter({ argv, cwd: opts.cwd, validate: opts.validate }),
      defaultTimeoutMs: 5_000,
      allEditionsByDefault: false,
      defaultJobs: 1,
    };
  }
  return {
    adapter: new OneshotAdapter({
      argv,
      cwd: opts.cwd,
      validate: opts.validate,
      capabilities: opts.capabilities,
    }),
    defaultTimeoutMs: 10_000,
    allEditionsByDefault: false,
    defaultJobs: 1,
  };
}
