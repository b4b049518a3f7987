import { Box, Text } from "ink";
import type { ReactNode } from "react";
import { BINDINGS, keyLabel, type Scope } from "../keys/bindings.js";
import { useAccent } from "./theme.js";

/** Keys of one scope, straight from the binding table, for an overlay's footer. */
export function scopeHint(scope: Scope): string {
  return BINDINGS.filter((b) => b.scope === scope)
    .map((b) => `${b.keys.map(keyLabel).slice(0, 2).join("/")} ${b.help}`)
    .join(" · ");
}

/** A full-body panel for views that replace the three panes. */
export function Overlay(props: {
  title: string;
  width: number;
  height: number;
  hint: string;
  children: ReactNode;
}) {
  const accent = useAccent();
  return (
    <Box
      flexDirection="column"
      width={props.width}
      height={props.height}
      borderStyle="double"
      borderColor={accent}
      paddingX={1}
      overflow="hidden"
    >
      <Text bold wrap="truncate-end">
        {props.title}
      </Text>
      <Box flexDirection="column" flexGrow={1} overflow="hidden">
        {props.children}
      </Box>
      <Text dimColor wrap="truncate-end">
        {props.hint}
      </Text>
    </Box>
  );
}
