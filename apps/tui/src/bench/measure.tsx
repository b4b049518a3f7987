import { resolve as engineResolve } from "@codex-policy/engine";
import type { Scenario } from "@codex-policy/spec";
import { render } from "ink";
import { stateFromScenario } from "../model/state.js";
import { type Resolver, Store } from "../store.js";
import { App } from "../ui/App.js";
import { FakeStdin, FakeStdout } from "./fake-terminal.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

/**
 * Milliseconds from a keystroke to the next rendered frame, when the keystroke toggles a layer
 * (so the engine re-resolves the scenario and the result pane re-renders).
 */
export async function measureKeystrokes(
  scenario: Scenario,
  opts: { samples?: number; warmup?: number; layerKey?: string; resolve?: Resolver } = {},
): Promise<number[]> {
  const samples = opts.samples ?? 200;
  const warmup = opts.warmup ?? 10;
  const store = new Store(stateFromScenario(scenario), opts.resolve ?? engineResolve);
  const layerIndex = store
    .getState()
    .layers.findIndex((l) => l.key === (opts.layerKey ?? "system.requirements"));
  for (let i = 0; i < layerIndex; i++) {
    store.dispatch({ type: "move", delta: 1, rows: store.getState().layers.length });
  }
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const effects = {
    quit: () => {},
    save: () => {},
    editExternal: () => false,
    gallery: () => [],
    openGallery: () => {},
  };
  const instance = render(<App store={store} effects={effects} width={100} height={30} color={false} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await sleep(50);
  const times: number[] = [];
  try {
    for (let i = 0; i < warmup + samples; i++) {
      const before = stdout.frames.length;
      const done = new Promise<number>((res, rej) => {
        const timer = setTimeout(() => rej(new Error("no frame within 5 s of the keystroke")), 5000);
        stdout.onFrame = () => {
          if (stdout.frames.length > before) {
            clearTimeout(timer);
            stdout.onFrame = null;
            res(performance.now());
          }
        };
      });
      const t0 = performance.now();
      stdin.write(" ");
      const t1 = await done;
      if (i >= warmup) times.push(t1 - t0);
    }
  } finally {
    instance.unmount();
  }
  return times.sort((a, b) => a - b);
}
