import type { Outcome } from "@codex-policy/spec";
import { EDITIONS } from "@codex-policy/spec";
import { Box, Text } from "ink";
import { compareOutcomes } from "../model/compare.js";
import { Overlay, scopeHint } from "./Overlay.js";
import { useTone } from "./theme.js";

export function CompareView(props: {
  outcomes: [Outcome, Outcome];
  scroll: number;
  onlyDiffs: boolean;
  width: number;
  height: number;
}) {
  const tone = useTone();
  const all = compareOutcomes(props.outcomes[0], props.outcomes[1]);
  const diffs = all.filter((r) => r.differs).length;
  const rows = props.onlyDiffs ? all.filter((r) => r.differs) : all;
  const visible = Math.max(1, props.height - 5);
  const scroll = Math.min(props.scroll, Math.max(0, rows.length - visible));
  const inner = props.width - 4;
  const pathW = Math.floor(inner * 0.34);
  const colW = Math.floor((inner - pathW - 2) / 2);
  const [left, right] = [EDITIONS[1], EDITIONS[0]];
  const cell = (s: string, w: number) => (s.length > w - 1 ? `${s.slice(0, w - 2)}…` : s).padEnd(w);
  return (
    <Overlay
      title={`Editions · ${diffs} difference${diffs === 1 ? "" : "s"}${props.onlyDiffs ? " (differences only)" : ""}`}
      width={props.width}
      height={props.height}
      hint={scopeHint("compare")}
    >
      <Text bold>{`  ${cell("", pathW)}${cell(left, colW)}${cell(right, colW)}`}</Text>
      {rows.slice(scroll, scroll + visible).map((r) => (
        <Box key={r.path}>
          <Text wrap="truncate-end" {...(r.differs ? tone("warn") : {})} bold={r.differs}>
            {`${r.differs ? "≠ " : "  "}${cell(r.path, pathW)}${cell(r.left, colW)}${cell(r.right, colW)}`}
          </Text>
        </Box>
      ))}
    </Overlay>
  );
}
