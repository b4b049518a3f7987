import { Text } from "ink";
import { memo, useMemo } from "react";
import { type Layer, layerLabel } from "../model/layers.js";
import type { State } from "../model/state.js";
import type { Derived } from "../store.js";
import { fit, Pane, Row } from "./Pane.js";
import { useTone } from "./theme.js";
import { windowOf } from "./window.js";

export interface LayerProblem {
  message: string;
  line?: number;
  column?: number;
}

/** Engine errors and UI issues per layer key, located at line and column when known. */
export function layerProblems(derived: Derived): Map<string, LayerProblem[]> {
  const map = new Map<string, LayerProblem[]>();
  const add = (key: string, p: LayerProblem) => map.set(key, [...(map.get(key) ?? []), p]);
  for (const e of derived.outcome.errors) {
    const key = derived.built.layerKeyById[e.layer];
    if (key) add(key, { message: e.message, line: e.line, column: e.column });
  }
  for (const i of derived.built.issues) add(i.layerKey, i);
  return map;
}

export const at = (p: LayerProblem) =>
  p.line !== undefined ? `line ${p.line}, col ${p.column ?? "?"}: ${p.message}` : p.message;

/** A layer as one line: on/off, the first error's location, the label (with the project's trust). */
export function layerLine(l: Layer, problems: LayerProblem[] | undefined, trust: string): string {
  const p = problems?.[0];
  const bad = p ? `✗${p.line !== undefined ? `${p.line}:${p.column ?? "?"}` : ""} ` : "";
  return `${l.enabled ? "[x] " : "[ ] "}${bad}${layerLabel(l)}${l.kind === "project.config" ? ` (${trust})` : ""}`;
}

/** Re-renders when the layers, the engine's outcome, its cursor, the focus or the project trust change. */
export const LayersPane = memo(function LayersPane(props: {
  layers: State["layers"];
  derived: Derived;
  cursor: number;
  focused: boolean;
  trust: State["context"]["trust"];
  width: number;
  height: number;
}) {
  const { layers, cursor } = props;
  const tone = useTone();
  const problems = useMemo(() => layerProblems(props.derived), [props.derived]);
  const inner = props.width - 4;
  const listHeight = Math.max(1, props.height - 4);
  // Only the rows that fit are rendered: 50 group rules cost the same as 5.
  const { start, items } = windowOf(layers, cursor, listHeight);
  const selected = layers[cursor];
  const selProblems = selected ? problems.get(selected.key) : undefined;
  let detail = "";
  if (selected) {
    if (selProblems?.[0]) detail = `✗ ${at(selProblems[0])}`;
    else if (!selected.enabled) detail = "off: omitted from the scenario";
    else {
      const first = selected.text.split("\n").find((l) => l.trim() && !l.trim().startsWith("#"));
      detail = first ? first.trim() : "(empty document)";
    }
  }
  return (
    <Pane title="Layers" focused={props.focused} width={props.width} height={props.height}>
      {items.map((l, i) => {
        const bad = problems.get(l.key);
        return (
          <Row
            key={l.key}
            text={layerLine(l, bad, props.trust)}
            width={inner}
            selected={props.focused && start + i === cursor}
            tone={bad ? "error" : l.enabled ? "normal" : "muted"}
          />
        );
      })}
      <Text wrap="truncate-end" {...tone(selProblems ? "error" : "muted")}>
        {fit(detail, inner)}
      </Text>
    </Pane>
  );
});
