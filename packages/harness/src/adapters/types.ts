import type { Edition } from "@codex-policy/spec";
import type { RunCaseT } from "../protocol/messages.js";

export interface AdapterInfo {
  name: string;
  version: string;
  language?: string;
  /** engine | codex-cli | jsonl | oneshot | in-process */
  kind: string;
  capabilities: string[];
  editions: Edition[];
  /** Outcome path prefixes the adapter never reports: checks under them are not scored. */
  unobservable?: string[];
}

export type Reply =
  | { kind: "result"; outcome: unknown }
  | { kind: "skipped"; reason: string; issueUrl?: string }
  | { kind: "errored"; message: string; context?: unknown }
  | { kind: "timeout"; message: string }
  | { kind: "protocol-error"; message: string }
  | { kind: "harness-error"; message: string };

export interface RunOutput {
  reply: Reply;
  /** What the adapter wrote to stderr while running this instance. */
  stderr?: string;
}

/** Anything the harness can drive: in-process, a long-lived process, or one process per case. */
export interface Adapter {
  start(): Promise<AdapterInfo>;
  run(c: RunCaseT, timeoutMs: number): Promise<RunOutput>;
  stop(): Promise<void>;
  /** How many times a crashed or stuck adapter process was restarted. */
  restarts(): number;
}

/** Races a promise against a timer; the timer never keeps the process alive. */
export async function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
    timer.unref?.();
  });
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}
