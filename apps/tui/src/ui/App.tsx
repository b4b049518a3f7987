import { Box, Text, useApp, useInput, useStdout } from "ink";
import { useMemo, useSyncExternalStore } from "react";
import { type Effects, handleKey } from "../keys/dispatch.js";
import type { Store } from "../store.js";
import { CompareView } from "./CompareView.js";
import { ContextPane } from "./ContextPane.js";
import { EditorView } from "./EditorView.js";
import { ExplainView } from "./ExplainView.js";
import { GalleryView } from "./GalleryView.js";
import { HelpOverlay } from "./HelpOverlay.js";
import { LayersPane } from "./LayersPane.js";
import { ReleasesView } from "./ReleasesView.js";
import { ResultPane } from "./ResultPane.js";
import { ColorContext, colorFromEnv } from "./theme.js";

export type AppEffects = Omit<Effects, "quit"> & { quit?: () => void };

export interface AppProps {
  store: Store;
  effects: AppEffects;
  /** Fixed size (tests); otherwise the terminal's. */
  width?: number;
  height?: number;
  color?: boolean;
}

const FOOTER =
  "Tab pane · ↑↓ move · Space toggle · Enter edit/explain · v releases · c editions · g gallery · s save · ? help · q quit";

/** A projection of the store: every view reads state and the engine's outcome, nothing else. */
export function App(props: AppProps) {
  const { store } = props;
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const { exit } = useApp();
  const { stdout } = useStdout();
  const width = Math.max(60, props.width ?? stdout.columns ?? 80);
  // One row short of the terminal: a frame as tall as the screen makes Ink clear it on every render.
  const height = Math.max(16, props.height ?? (stdout.rows ? stdout.rows - 1 : 24));
  const effects: Effects = useMemo(() => ({ quit: exit, ...props.effects }), [exit, props.effects]);
  const bodyHeight = height - 2;
  useInput((input, key) => handleKey(store, effects, input, key, Math.max(1, bodyHeight - 4)));
  const derived = store.derived();
  const color = props.color ?? colorFromEnv();
  const o = state.overlay;

  let body: React.ReactNode;
  if (o?.kind === "explain") {
    body = (
      <ExplainView derived={derived} rowId={o.rowId} scroll={o.scroll} width={width} height={bodyHeight} />
    );
  } else if (o?.kind === "compare") {
    body = (
      <CompareView
        outcomes={store.editions()}
        scroll={o.scroll}
        onlyDiffs={o.onlyDiffs}
        width={width}
        height={bodyHeight}
      />
    );
  } else if (o?.kind === "releases") {
    body = (
      <ReleasesView
        rows={store.timeline()}
        edition={state.edition}
        scroll={o.scroll}
        width={width}
        height={bodyHeight}
      />
    );
  } else if (o?.kind === "help") {
    body = <HelpOverlay width={width} height={bodyHeight} />;
  } else if (o?.kind === "gallery") {
    body = <GalleryView entries={effects.gallery()} cursor={o.cursor} width={width} height={bodyHeight} />;
  } else if (o?.kind === "editor") {
    const layer = state.layers.find((l) => l.key === o.buffer.layerKey);
    body = <EditorView buffer={o.buffer} layer={layer} width={width} height={bodyHeight} />;
  } else {
    const leftW = Math.floor(width * 0.46);
    const layersH = Math.floor(bodyHeight / 2);
    body = (
      <Box>
        <Box flexDirection="column" width={leftW}>
          <LayersPane
            layers={state.layers}
            derived={derived}
            cursor={state.cursor.layers}
            focused={state.focus === "layers"}
            trust={state.context.trust}
            width={leftW}
            height={layersH}
          />
          <ContextPane
            context={state.context}
            edition={state.edition}
            cursor={state.cursor.context}
            focused={state.focus === "context"}
            width={leftW}
            height={bodyHeight - layersH}
          />
        </Box>
        <ResultPane
          derived={derived}
          cursor={state.cursor.result}
          focused={state.focus === "result"}
          width={width - leftW}
          height={bodyHeight}
        />
      </Box>
    );
  }
  const file = state.file ?? "(unsaved)";
  const header = `codex-policy tui · ${file}${state.dirty ? " *" : ""} · ${state.edition} · ${state.status}`;
  const footer =
    o?.kind === "prompt"
      ? `${o.title}: ${o.value}█  (Enter accept · Esc cancel${o.fresh ? " · typing replaces" : ""})`
      : FOOTER;
  return (
    <ColorContext.Provider value={color}>
      <Box flexDirection="column" width={width} height={height}>
        <Text bold wrap="truncate-end">
          {header}
        </Text>
        {body}
        <Text wrap="truncate-end" dimColor={o?.kind !== "prompt"} bold={o?.kind === "prompt"}>
          {footer}
        </Text>
      </Box>
    </ColorContext.Provider>
  );
}
