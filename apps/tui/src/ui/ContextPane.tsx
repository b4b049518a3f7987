import { Text } from "ink";
import { contextRows } from "../model/context-rows.js";
import type { State } from "../model/state.js";
import { Line, Pane } from "./Pane.js";
import { useTone } from "./theme.js";
import { windowOf } from "./window.js";

export function ContextPane(props: { state: State; width: number; height: number }) {
  const { state } = props;
  const tone = useTone();
  const rows = contextRows(state);
  const { start, items } = windowOf(rows, state.cursor.context, Math.max(1, props.height - 3));
  return (
    <Pane title="Context" focused={state.focus === "context"} width={props.width} height={props.height}>
      {items.map((r, i) => (
        <Line
          key={r.id}
          width={props.width - 4}
          selected={state.focus === "context" && start + i === state.cursor.context}
        >
          {r.kind === "add" ? (
            <Text {...tone("muted")}>{r.label}</Text>
          ) : (
            <>
              <Text>{`${r.label}: `.padEnd(15)}</Text>
              <Text bold>{r.kind === "enum" ? `‹${r.value}›` : r.value || "—"}</Text>
            </>
          )}
        </Line>
      ))}
    </Pane>
  );
}
