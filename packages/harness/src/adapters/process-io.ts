import { type ChildProcess, spawn } from "node:child_process";

const STDERR_KEEP = 64 * 1024;

/** A child process with a line queue on stdout and a rolling stderr buffer. */
export class LineProcess {
  readonly child: ChildProcess;
  private buf = "";
  private lines: string[] = [];
  private waiter: (() => void) | null = null;
  private stderrText = "";
  private stderrDropped = 0;
  exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  spawnError: Error | null = null;

  constructor(argv: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
    this.child = spawn(argv[0]!, argv.slice(1), {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child.stdout!.setEncoding("utf8");
    this.child.stderr!.setEncoding("utf8");
    this.child.stdout!.on("data", (d: string) => {
      this.buf += d;
      let nl = this.buf.indexOf("\n");
      while (nl >= 0) {
        this.lines.push(this.buf.slice(0, nl).replace(/\r$/, ""));
        this.buf = this.buf.slice(nl + 1);
        nl = this.buf.indexOf("\n");
      }
      this.wake();
    });
    this.child.stderr!.on("data", (d: string) => {
      this.stderrText += d;
      if (this.stderrText.length > STDERR_KEEP) {
        const cut = this.stderrText.length - STDERR_KEEP;
        this.stderrDropped += cut;
        this.stderrText = this.stderrText.slice(cut);
      }
    });
    this.child.stdin!.on("error", () => {});
    this.child.on("error", (e) => {
      this.spawnError = e;
      this.exited ??= { code: null, signal: null };
      this.wake();
    });
    this.child.on("close", (code, signal) => {
      if (this.buf) {
        this.lines.push(this.buf);
        this.buf = "";
      }
      this.exited = { code, signal };
      this.wake();
    });
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  /** Absolute offset into everything written to stderr, for slicing per run. */
  stderrMark(): number {
    return this.stderrDropped + this.stderrText.length;
  }

  stderrSince(mark: number): string {
    return this.stderrText.slice(Math.max(0, mark - this.stderrDropped));
  }

  send(msg: unknown): void {
    if (this.exited || !this.child.stdin!.writable) return;
    this.child.stdin!.write(`${JSON.stringify(msg)}\n`);
  }

  /** The next stdout line, or `null` once the process has exited with nothing left to read. */
  async nextLine(): Promise<string | null> {
    for (;;) {
      const l = this.lines.shift();
      if (l !== undefined) {
        if (l.trim() === "") continue;
        return l;
      }
      if (this.exited) return null;
      await new Promise<void>((r) => {
        this.waiter = r;
      });
    }
  }

  kill(): void {
    if (!this.exited) this.child.kill("SIGKILL");
  }

  /** Waits for exit up to `ms`, then kills. */
  async close(ms: number): Promise<void> {
    this.child.stdin!.end();
    if (this.exited) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        this.kill();
        resolve();
      }, ms);
      this.child.once("close", () => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  describeExit(): string {
    if (this.spawnError) return `could not be started: ${this.spawnError.message}`;
    const e = this.exited;
    if (!e) return "is running";
    return e.signal ? `was killed by ${e.signal}` : `exited with code ${e.code}`;
  }
}
