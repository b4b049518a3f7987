import { type Scenario, ScenarioSchema } from "@codex-policy/spec";
import { render } from "ink";
import { editInExternalEditor, editorCommand } from "./io/external-editor.js";
import { listGallery } from "./io/gallery.js";
import { loadScenarioFile, saveScenarioFile } from "./io/load.js";
import type { GalleryEntry } from "./keys/dispatch.js";
import { isTomlLayer } from "./model/layers.js";
import { stateFromScenario } from "./model/state.js";
import { type Resolver, Store, type Timeline } from "./store.js";
import { App, type AppEffects } from "./ui/App.js";

export interface RunOptions {
  /** Scenario to open; a blank scenario when absent. Must already be validated. */
  scenario?: Scenario;
  file?: string | null;
  resolve: Resolver;
  /** The releases view's data (`releaseTimeline` from the engine). */
  timeline?: Timeline;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
}

const ALT_SCREEN_ON = "\u001b[?1049h\u001b[2J\u001b[H";
const ALT_SCREEN_OFF = "\u001b[?1049l";

export function blankScenario(): Scenario {
  return ScenarioSchema.parse({});
}

/** Runtime effects: files, $EDITOR and the gallery, around a store. */
export function createEffects(store: Store, onExternalEdit: (layerKey: string) => boolean): AppEffects {
  let gallery: GalleryEntry[] | null = null;
  return {
    save(path) {
      const r = saveScenarioFile(path, store.derived().built.scenario);
      store.dispatch(r.ok ? { type: "saved", file: path } : { type: "status", text: r.message });
    },
    editExternal: onExternalEdit,
    gallery() {
      gallery ??= listGallery();
      return gallery;
    },
    openGallery(entry) {
      const r = loadScenarioFile(entry.file);
      store.dispatch(
        r.ok ? { type: "load", scenario: r.scenario, file: entry.file } : { type: "status", text: r.message },
      );
    },
  };
}

/** Starts the interactive simulator and resolves with the exit code when the user quits. */
export async function runTui(opts: RunOptions): Promise<number> {
  const stdout = opts.stdout ?? process.stdout;
  const store = new Store(
    stateFromScenario(opts.scenario ?? blankScenario(), opts.file ?? null),
    opts.resolve,
    opts.timeline,
  );
  let pendingEdit: string | null = null;
  let unmount: (() => void) | null = null;
  const effects = createEffects(store, (layerKey) => {
    if (!editorCommand()) return false;
    pendingEdit = layerKey;
    unmount?.();
    return true;
  });
  stdout.write(ALT_SCREEN_ON);
  try {
    for (;;) {
      const instance = render(<App store={store} effects={effects} />, {
        stdin: opts.stdin ?? process.stdin,
        stdout,
        exitOnCtrlC: false,
        patchConsole: false,
        maxFps: 60,
      });
      unmount = () => instance.unmount();
      await instance.waitUntilExit();
      const key: string | null = pendingEdit;
      if (key === null) break;
      pendingEdit = null;
      const layer = store.getState().layers.find((l) => l.key === key);
      const command = editorCommand();
      if (layer && command) {
        stdout.write(ALT_SCREEN_OFF);
        const suffix = isTomlLayer(layer) ? ".toml" : layer.kind === "user.hooks" ? ".json" : ".rules";
        const edited = editInExternalEditor(command, layer.text, suffix);
        stdout.write(ALT_SCREEN_ON);
        store.dispatch(
          edited === null
            ? { type: "status", text: `${command} failed; layer unchanged` }
            : { type: "set-layer-text", key, text: edited },
        );
      }
    }
  } finally {
    stdout.write(ALT_SCREEN_OFF);
  }
  return 0;
}
