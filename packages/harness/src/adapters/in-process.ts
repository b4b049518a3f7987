import type { Edition, Scenario } from "@codex-policy/spec";
import type { RunCaseT } from "../protocol/messages.js";
import { type Adapter, type AdapterInfo, type RunOutput, withTimeout } from "./types.js";

/** What an in-process (TypeScript) adapter implements. */
export interface InProcessImpl {
  info: Omit<AdapterInfo, "kind"> & { kind?: string };
  /** Returns an Outcome, or `{ skipped }` when the implementation cannot express the scenario. */
  resolve(
    scenario: Scenario,
    edition: Edition,
    ctx: { id: string; paths: string[]; timeoutMs: number },
  ): unknown | Promise<unknown>;
  start?(): Promise<Partial<AdapterInfo> | undefined>;
}

/** A marker an in-process implementation returns to skip an instance. */
export interface InProcessSkip {
  skipped: string;
}

function isSkip(v: unknown): v is InProcessSkip {
  return typeof v === "object" && v !== null && typeof (v as InProcessSkip).skipped === "string";
}

export class InProcessAdapter implements Adapter {
  constructor(private readonly impl: InProcessImpl) {}

  restarts(): number {
    return 0;
  }

  async start(): Promise<AdapterInfo> {
    const extra = (await this.impl.start?.()) ?? {};
    return { kind: "in-process", ...this.impl.info, ...extra };
  }

  async run(c: RunCaseT, timeoutMs: number): Promise<RunOutput> {
    const work = (async (): Promise<RunOutput> => {
      try {
        const v = await this.impl.resolve(c.scenario, c.edition, { id: c.id, paths: c.paths, timeoutMs });
        if (isSkip(v)) return { reply: { kind: "skipped", reason: v.skipped } };
        return { reply: { kind: "result", outcome: v } };
      } catch (e) {
        const err = e as Error;
        return { reply: { kind: "errored", message: err?.message ?? String(e), context: err?.stack } };
      }
    })();
    return withTimeout(work, timeoutMs, () => ({
      reply: { kind: "timeout", message: `no result within ${timeoutMs} ms` },
    }));
  }

  async stop(): Promise<void> {}
}
