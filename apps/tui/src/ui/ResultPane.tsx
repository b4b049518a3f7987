import { memo } from "react";
import type { ResultRow } from "../model/result-rows.js";
import type { Derived } from "../store.js";
import { Pane, Row } from "./Pane.js";
import { windowOf } from "./window.js";

/** A Result row as one line: label, value and where the value came from. ASCII separators only. */
export function resultLine(r: ResultRow, labelWidth: number): string {
  if (r.tone === "heading") return r.label;
  return `${`${r.label} `.padEnd(labelWidth)}${r.value}${r.source ? `  <- ${r.source}` : ""}`;
}

export const ResultPane = memo(function ResultPane(props: {
  derived: Derived;
  cursor: number;
  focused: boolean;
  width: number;
  height: number;
}) {
  const { derived } = props;
  const rows = derived.rows;
  const cursor = Math.min(props.cursor, rows.length - 1);
  // Only the rows that fit are rendered: 200 MCP servers cost the same as 20.
  const { start, items } = windowOf(rows, cursor, Math.max(1, props.height - 3));
  const inner = props.width - 4;
  const labelWidth = Math.min(18, Math.max(12, Math.floor(inner / 4)));
  const o = derived.outcome;
  const title = `Result · ${o.edition} · ${o.status === "ok" ? "ok" : "REFUSED"}`;
  return (
    <Pane title={title} focused={props.focused} width={props.width} height={props.height}>
      {items.map((r, i) => (
        <Row
          key={r.id}
          text={resultLine(r, labelWidth)}
          width={inner}
          selected={props.focused && start + i === cursor}
          tone={r.tone}
        />
      ))}
    </Pane>
  );
});
