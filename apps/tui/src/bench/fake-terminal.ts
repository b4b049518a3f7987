import { EventEmitter } from "node:events";

/** An in-memory terminal for Ink: records frames, accepts key input. */
export class FakeStdout extends EventEmitter {
  readonly frames: string[] = [];
  onFrame: ((frame: string) => void) | null = null;
  constructor(
    readonly columns = 100,
    readonly rows = 30,
  ) {
    super();
  }
  isTTY = false;
  write = (frame: string): boolean => {
    this.frames.push(frame);
    this.onFrame?.(frame);
    return true;
  };
}

export class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(data: string): void {
    this.data = data;
    this.emit("readable");
    this.emit("data", data);
  }
  read = (): string | null => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}
