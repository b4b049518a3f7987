import { EDITIONS, OutcomeSchema } from "@codex-policy/spec";
import { CAPABILITIES } from "../capabilities.js";
import type { RunCaseT } from "../protocol/messages.js";
import { firstProblem } from "../protocol/messages.js";
import { LineProcess } from "./process-io.js";
import type { Adapter, AdapterInfo, Reply, RunOutput } from "./types.js";
import { withTimeout } from "./types.js";

/** Exit status a one-shot adapter uses to say it cannot express a scenario (reason on stderr). */
export const ONESHOT_SKIP_EXIT = 77;

export interface OneshotOptions {
  argv: string[];
  cwd?: string;
  validate?: boolean;
  /** One-shot adapters cannot declare; the user may narrow what they claim. */
  capabilities?: string[];
}

/**
 * One process per scenario: the scenario (JSON, with `edition` set) goes in on stdin, the Outcome
 * comes out on stdout. Exit 77 means "cannot express this scenario"; any other non-zero exit is an error.
 */
export class OneshotAdapter implements Adapter {
  constructor(private readonly opts: OneshotOptions) {}

  restarts(): number {
    return 0;
  }

  async start(): Promise<AdapterInfo> {
    return {
      name: this.opts.argv.join(" "),
      version: "unknown",
      kind: "oneshot",
      capabilities: this.opts.capabilities ?? [...CAPABILITIES],
      editions: [...EDITIONS],
    };
  }

  async run(c: RunCaseT, timeoutMs: number): Promise<RunOutput> {
    const proc = new LineProcess(this.opts.argv, {
      cwd: this.opts.cwd,
      env: { ...process.env, CODEX_POLICY_CASE_ID: c.id, CODEX_POLICY_EDITION: c.edition },
    });
    proc.child.stdin!.end(JSON.stringify(c.scenario));
    const lines: string[] = [];
    const drain = (async () => {
      for (let l = await proc.nextLine(); l !== null; l = await proc.nextLine()) lines.push(l);
      return true;
    })();
    const finished = await withTimeout(drain, timeoutMs, () => false);
    if (!finished) {
      proc.kill();
      return {
        reply: { kind: "timeout", message: `no exit within ${timeoutMs} ms` },
        stderr: proc.stderrSince(0),
      };
    }
    const stderr = proc.stderrSince(0);
    return { reply: this.interpret(proc, lines.join("\n"), stderr), stderr };
  }

  private interpret(proc: LineProcess, stdout: string, stderr: string): Reply {
    const code = proc.exited?.code;
    if (proc.spawnError) return { kind: "errored", message: `adapter ${proc.describeExit()}` };
    if (code === ONESHOT_SKIP_EXIT)
      return { kind: "skipped", reason: stderr.trim().split("\n")[0] || "no reason given" };
    if (code !== 0) return { kind: "errored", message: `adapter ${proc.describeExit()}` };
    let outcome: unknown;
    try {
      outcome = JSON.parse(stdout);
    } catch {
      return { kind: "protocol-error", message: `stdout is not JSON: ${stdout.slice(0, 120)}` };
    }
    if (this.opts.validate) {
      const v = OutcomeSchema.strict().safeParse(outcome);
      if (!v.success)
        return { kind: "protocol-error", message: `invalid Outcome (${firstProblem(v.error)})` };
    }
    return { kind: "result", outcome };
  }

  async stop(): Promise<void> {}
}
