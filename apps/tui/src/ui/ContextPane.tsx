import { memo } from "react";
import { type ContextRow, contextRows } from "../model/context-rows.js";
import type { State } from "../model/state.js";
import { Pane, Row } from "./Pane.js";
import { windowOf } from "./window.js";

export function contextLine(r: ContextRow): string {
  if (r.kind === "add") return r.label;
  return `${`${r.label}: `.padEnd(15)}${r.kind === "enum" ? `<${r.value}>` : r.value || "-"}`;
}

/** Re-renders only when the context, the edition, its cursor or the focus changes. */
export const ContextPane = memo(function ContextPane(props: {
  context: State["context"];
  edition: State["edition"];
  cursor: number;
  focused: boolean;
  width: number;
  height: number;
}) {
  const rows = contextRows({ context: props.context, edition: props.edition });
  const { start, items } = windowOf(rows, props.cursor, Math.max(1, props.height - 3));
  return (
    <Pane title="Context" focused={props.focused} width={props.width} height={props.height}>
      {items.map((r, i) => (
        <Row
          key={r.id}
          text={contextLine(r)}
          width={props.width - 4}
          selected={props.focused && start + i === props.cursor}
          tone={r.kind === "add" ? "muted" : "normal"}
        />
      ))}
    </Pane>
  );
});
