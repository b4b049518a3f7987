import { Box, Text } from "ink";
import { memo, type ReactNode } from "react";
import type { Tone } from "../model/result-rows.js";
import { useAccent, useTone } from "./theme.js";

/**
 * A bordered pane; the focused one gets a double border, which stays visible without colour.
 * No clipping box: every child is one pre-fitted, single-line row and the list is windowed to the pane's
 * height, so nothing overflows. (A clipping box makes Ink re-slice every line of the pane on each frame.)
 */
export function Pane(props: {
  title: string;
  focused: boolean;
  width: number;
  height: number;
  children: ReactNode;
}) {
  const accent = useAccent();
  return (
    <Box
      flexDirection="column"
      width={props.width}
      height={props.height}
      borderStyle={props.focused ? "double" : "single"}
      borderColor={props.focused ? accent : undefined}
      paddingX={1}
    >
      <Text bold wrap="truncate-end">
        {`${props.focused ? "▶ " : "  "}${fit(props.title, props.width - 6)}`}
      </Text>
      {props.children}
    </Box>
  );
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * `text` cut to `width` columns with an ASCII ellipsis. Printable ASCII is one column a character, so
 * this needs no width tables, and Ink's own truncation (which re-tokenizes the line) is never reached.
 * Other text is returned whole: Ink's `truncate-end` measures and cuts it.
 */
export function fit(text: string, width: number): string {
  if (text.length <= width || !PRINTABLE_ASCII.test(text)) return text;
  return width > 3 ? `${text.slice(0, width - 3)}...` : text.slice(0, Math.max(0, width));
}

/**
 * One list row: a single styled string (one Ink text node, one write per frame), with a selection
 * marker. Memoized, so rows whose text did not change are not re-rendered.
 */
export const Row = memo(function Row(props: { text: string; width: number; selected: boolean; tone?: Tone }) {
  const tone = useTone();
  return (
    <Text wrap="truncate-end" inverse={props.selected} {...tone(props.tone ?? "normal")}>
      {fit(`${props.selected ? "›" : " "}${props.text}`, props.width)}
    </Text>
  );
});

/** One list line with a selection marker, around arbitrary content (overlays). */
export function Line(props: { selected: boolean; children: ReactNode; width: number }) {
  return (
    <Box width={props.width}>
      <Text wrap="truncate-end" inverse={props.selected}>
        {props.selected ? "›" : " "}
        {props.children}
      </Text>
    </Box>
  );
}
