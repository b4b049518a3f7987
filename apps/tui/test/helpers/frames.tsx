import type { Outcome, Scenario } from "@codex-policy/spec";
import { sampleOutcome } from "@codex-policy/spec/testing";
import { render } from "ink-testing-library";
import type { Effects, GalleryEntry } from "../../src/keys/dispatch.js";
import { stateFromScenario } from "../../src/model/state.js";
import { type Resolver, Store, type Timeline } from "../../src/store.js";
import { App } from "../../src/ui/App.js";

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;
export const stripAnsi = (s: string) => s.replace(ANSI, "");

export const KEYS = {
  up: "\u001b[A",
  down: "\u001b[B",
  right: "\u001b[C",
  left: "\u001b[D",
  tab: "\t",
  shiftTab: "\u001b[Z",
  enter: "\r",
  escape: "\u001b",
  backspace: "\u007f",
  space: " ",
  ctrlS: "\u0013",
} as const;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Harness {
  store: Store;
  frame(): string;
  /** Writes input, one key per write, after the app is ready. */
  press(...keys: string[]): Promise<void>;
  type(text: string): Promise<void>;
  /** Polls frames until `pred` holds; on timeout fails with the last frame. */
  waitFor(pred: (frame: string) => boolean, what?: string, timeoutMs?: number): Promise<string>;
  quitCalls: number;
  saved: string[];
  unmount(): void;
}

export async function renderApp(opts: {
  scenario: Scenario;
  resolve: Resolver;
  timeline?: Timeline;
  file?: string;
  width?: number;
  height?: number;
  gallery?: GalleryEntry[];
  effects?: (store: Store) => Partial<Effects>;
}): Promise<Harness> {
  const store = new Store(stateFromScenario(opts.scenario, opts.file ?? null), opts.resolve, opts.timeline);
  const h = { quitCalls: 0, saved: [] as string[] } as Harness;
  const effects: Effects = {
    quit: () => {
      h.quitCalls++;
    },
    save: (p) => {
      h.saved.push(p);
      store.dispatch({ type: "saved", file: p });
    },
    editExternal: () => false,
    gallery: () => opts.gallery ?? [],
    openGallery: () => {},
    ...opts.effects?.(store),
  };
  const r = render(
    <App store={store} effects={effects} width={opts.width ?? 80} height={opts.height ?? 24} color={false} />,
  );
  h.store = store;
  h.frame = () => stripAnsi(r.lastFrame() ?? "");
  h.unmount = () => r.unmount();
  h.waitFor = async (pred, what = "frame condition", timeoutMs = 3000) => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const f = h.frame();
      if (pred(f)) return f;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last frame:\n${f}`);
      await sleep(5);
    }
  };
  h.press = async (...keys) => {
    for (const k of keys) {
      r.stdin.write(k);
      // Let Ink's input parser and React flush before the next key (escape needs a pause to stand alone).
      await sleep(k === KEYS.escape ? 40 : 10);
    }
  };
  h.type = async (text) => h.press(...text.split(""));
  // Ink attaches its stdin listener after the first commit; wait for it before the first write.
  await h.waitFor((f) => f.includes("codex-policy tui"), "first frame");
  await sleep(20);
  return h;
}

/** A minimal valid Outcome to build fixtures from, with default sources. */
export function outcomeFixture(over: Partial<Outcome> = {}): Outcome {
  const sources = {
    approval_policy: "default",
    sandbox_mode: "default",
    web_search: "default",
    approvals_reviewer: "default",
  };
  return { ...sampleOutcome({ effective: { sources } }), ...over };
}
