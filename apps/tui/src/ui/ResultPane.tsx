import { Text } from "ink";
import type { State } from "../model/state.js";
import type { Derived } from "../store.js";
import { Line, Pane } from "./Pane.js";
import { useTone } from "./theme.js";
import { windowOf } from "./window.js";

export function ResultPane(props: { state: State; derived: Derived; width: number; height: number }) {
  const { state, derived } = props;
  const tone = useTone();
  const rows = derived.rows;
  const cursor = Math.min(state.cursor.result, rows.length - 1);
  const { start, items } = windowOf(rows, cursor, Math.max(1, props.height - 3));
  const inner = props.width - 4;
  const labelWidth = Math.min(18, Math.max(12, Math.floor(inner / 4)));
  const o = derived.outcome;
  const title = `Result · ${o.edition} · ${o.status === "ok" ? "ok" : "REFUSED"}`;
  return (
    <Pane title={title} focused={state.focus === "result"} width={props.width} height={props.height}>
      {items.map((r, i) => (
        <Line key={r.id} width={inner} selected={state.focus === "result" && start + i === cursor}>
          {r.tone === "heading" ? (
            <Text {...tone("heading")}>{r.label}</Text>
          ) : (
            <>
              <Text>{`${r.label} `.padEnd(labelWidth)}</Text>
              <Text {...tone(r.tone)} bold={r.tone !== "warn"}>
                {r.value}
              </Text>
              {r.source ? <Text {...tone("muted")}>{`  ← ${r.source}`}</Text> : null}
            </>
          )}
        </Line>
      ))}
    </Pane>
  );
}
