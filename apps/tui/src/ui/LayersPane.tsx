import { Text } from "ink";
import { layerLabel } from "../model/layers.js";
import type { State } from "../model/state.js";
import type { Derived } from "../store.js";
import { Line, Pane } from "./Pane.js";
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

export function LayersPane(props: { state: State; derived: Derived; width: number; height: number }) {
  const { state } = props;
  const tone = useTone();
  const problems = layerProblems(props.derived);
  const inner = props.width - 4;
  const listHeight = Math.max(1, props.height - 4);
  const { start, items } = windowOf(state.layers, state.cursor.layers, listHeight);
  const selected = state.layers[state.cursor.layers];
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
    <Pane title="Layers" focused={state.focus === "layers"} width={props.width} height={props.height}>
      {items.map((l, i) => {
        const bad = problems.get(l.key);
        const trust = l.kind === "project.config" ? ` (${state.context.trust})` : "";
        return (
          <Line
            key={l.key}
            width={inner}
            selected={state.focus === "layers" && start + i === state.cursor.layers}
          >
            <Text>{l.enabled ? "[x] " : "[ ] "}</Text>
            {bad ? (
              <Text {...tone("error")}>
                {`✗${bad[0]?.line !== undefined ? `${bad[0].line}:${bad[0].column ?? "?"}` : ""} `}
              </Text>
            ) : null}
            <Text {...(l.enabled ? {} : tone("muted"))}>{layerLabel(l) + trust}</Text>
          </Line>
        );
      })}
      <Text wrap="truncate-end" {...tone(selProblems ? "error" : "muted")}>
        {detail}
      </Text>
    </Pane>
  );
}
