import { AdapterStartError } from "../errors.js";
import {
  firstProblem,
  PROTOCOL_VERSION,
  type RunCaseT,
  RunReply,
  RunRequest,
  StartReply,
} from "../protocol/messages.js";
import { LineProcess } from "./process-io.js";
import { type Adapter, type AdapterInfo, type Reply, type RunOutput, withTimeout } from "./types.js";

export interface JsonlOptions {
  argv: string[];
  cwd?: string;
  /** Check every message against the protocol schema (`--validate-protocol`). */
  validate?: boolean;
  /** How long `start` may take. */
  startTimeoutMs?: number;
}

type Parsed = { ok: true; msg: Record<string, unknown> } | { ok: false; message: string };

function parseLine(line: string): Parsed {
  try {
    const v = JSON.parse(line);
    if (typeof v !== "object" || v === null || Array.isArray(v))
      return { ok: false, message: "message is not a JSON object" };
    return { ok: true, msg: v };
  } catch {
    return { ok: false, message: `not JSON: ${line.length > 120 ? `${line.slice(0, 120)}…` : line}` };
  }
}

/** A long-lived adapter speaking JSON lines over stdio: start, run…, stop. Restarts after a crash. */
export class JsonlAdapter implements Adapter {
  private proc: LineProcess | null = null;
  private info: AdapterInfo | null = null;
  private restartCount = 0;
  private seq = 0;

  constructor(private readonly opts: JsonlOptions) {}

  restarts(): number {
    return this.restartCount;
  }

  private async handshake(): Promise<AdapterInfo> {
    const proc = new LineProcess(this.opts.argv, { cwd: this.opts.cwd });
    this.proc = proc;
    proc.send({ cmd: "start", protocol: PROTOCOL_VERSION });
    const limit = this.opts.startTimeoutMs ?? 15_000;
    const line = await withTimeout(proc.nextLine(), limit, () => undefined);
    const fail = (why: string): never => {
      const err = proc.stderrSince(0).trim();
      proc.kill();
      this.proc = null;
      throw new AdapterStartError(
        `adapter ${why}${err ? `; stderr: ${err.split("\n").slice(-5).join(" | ")}` : ""}`,
      );
    };
    if (line === undefined) return fail(`did not answer start within ${limit} ms`);
    if (line === null) return fail(`${proc.describeExit()} before answering start`);
    const parsed = parseLine(line);
    if (!parsed.ok) return fail(`answered start with garbage (${parsed.message})`);
    if (parsed.msg.protocol !== PROTOCOL_VERSION) {
      return fail(
        `speaks protocol ${JSON.stringify(parsed.msg.protocol)}, the harness speaks ${PROTOCOL_VERSION}`,
      );
    }
    const start = this.opts.validate
      ? StartReply.safeParse(parsed.msg)
      : StartReply.passthrough().safeParse(parsed.msg);
    if (!start.success) return fail(`sent an invalid start reply (${firstProblem(start.error)})`);
    const d = start.data;
    return {
      name: d.implementation.name,
      version: d.implementation.version,
      language: d.implementation.language,
      kind: "jsonl",
      capabilities: d.capabilities,
      editions: d.editions,
      unobservable: d.unobservable,
    };
  }

  async start(): Promise<AdapterInfo> {
    this.info = await this.handshake();
    return this.info;
  }

  private async ensureRunning(): Promise<string | null> {
    if (this.proc && !this.proc.exited) return null;
    this.restartCount++;
    try {
      await this.handshake();
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }

  private discard(): void {
    this.proc?.kill();
    this.proc = null;
  }

  async run(c: RunCaseT, timeoutMs: number): Promise<RunOutput> {
    const restartProblem = await this.ensureRunning();
    if (restartProblem) return { reply: { kind: "errored", message: `restart failed: ${restartProblem}` } };
    const proc = this.proc!;
    const seq = ++this.seq;
    const request = { cmd: "run", seq, case: c };
    if (this.opts.validate) {
      const ok = RunRequest.safeParse(request);
      if (!ok.success) {
        return {
          reply: {
            kind: "harness-error",
            message: `harness sent an invalid run (${firstProblem(ok.error)})`,
          },
        };
      }
    }
    const mark = proc.stderrMark();
    proc.send(request);
    const line = await withTimeout(proc.nextLine(), timeoutMs, () => undefined);
    const reply = this.interpret(line, seq, timeoutMs);
    if (reply.kind === "timeout" || reply.kind === "protocol-error" || line === null) this.discard();
    return { reply, stderr: proc.stderrSince(mark) };
  }

  private interpret(line: string | null | undefined, seq: number, timeoutMs: number): Reply {
    if (line === undefined) return { kind: "timeout", message: `no reply within ${timeoutMs} ms` };
    if (line === null)
      return { kind: "errored", message: `adapter ${this.proc?.describeExit()} while running` };
    const parsed = parseLine(line);
    if (!parsed.ok) return { kind: "protocol-error", message: parsed.message };
    const m = parsed.msg;
    if (m.seq !== seq)
      return { kind: "protocol-error", message: `reply seq ${JSON.stringify(m.seq)}, expected ${seq}` };
    if (this.opts.validate) {
      const v = RunReply.safeParse(m);
      if (!v.success) return { kind: "protocol-error", message: `invalid reply (${firstProblem(v.error)})` };
    }
    if ("result" in m) return { kind: "result", outcome: m.result };
    const skipped = m.skipped as { reason?: unknown; issue_url?: unknown } | undefined;
    if (skipped && typeof skipped === "object") {
      return {
        kind: "skipped",
        reason: String(skipped.reason ?? "no reason given"),
        issueUrl: typeof skipped.issue_url === "string" ? skipped.issue_url : undefined,
      };
    }
    const errored = m.errored as { message?: unknown; context?: unknown } | undefined;
    if (errored && typeof errored === "object") {
      return { kind: "errored", message: String(errored.message ?? "no message"), context: errored.context };
    }
    return { kind: "protocol-error", message: "reply has none of result, skipped, errored" };
  }

  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc) return;
    proc.send({ cmd: "stop" });
    await proc.close(2000);
    this.proc = null;
  }
}
