import { Box, Text } from "ink";
import type { ReactNode } from "react";
import { useAccent } from "./theme.js";

/** A bordered pane; the focused one gets a double border, which stays visible without colour. */
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
      overflow="hidden"
    >
      <Text bold wrap="truncate-end">
        {props.focused ? "▶ " : "  "}
        {props.title}
      </Text>
      {props.children}
    </Box>
  );
}

/** One list line with a selection marker. */
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
