import { Box, Text } from "ink";
import { BINDINGS, keyLabel, type Scope } from "../keys/bindings.js";
import { Overlay, scopeHint } from "./Overlay.js";
import { useTone } from "./theme.js";

const SECTIONS: { scope: Scope; title: string }[] = [
  { scope: "global", title: "Everywhere" },
  { scope: "layers", title: "Layers pane" },
  { scope: "context", title: "Context pane" },
  { scope: "result", title: "Result pane" },
];

/** Drawn from the keybinding table, so it cannot drift from what the dispatcher does. */
export function helpLines(): { text: string; heading: boolean }[] {
  const out: { text: string; heading: boolean }[] = [];
  for (const s of SECTIONS) {
    out.push({ text: s.title, heading: true });
    for (const b of BINDINGS.filter((x) => x.scope === s.scope)) {
      out.push({ text: `${b.keys.map(keyLabel).join(" ").padEnd(13)} ${b.help}`, heading: false });
    }
  }
  return out;
}

export function HelpOverlay(props: { width: number; height: number }) {
  const tone = useTone();
  const lines = helpLines();
  const perCol = Math.max(1, props.height - 4);
  const cols: (typeof lines)[] = [];
  for (let i = 0; i < lines.length; i += perCol) cols.push(lines.slice(i, i + perCol));
  const colWidth = Math.floor((props.width - 4) / Math.max(1, cols.length));
  return (
    <Overlay title="Keys" width={props.width} height={props.height} hint={scopeHint("help")}>
      <Box>
        {cols.map((col, c) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
          <Box key={c} flexDirection="column" width={colWidth} paddingRight={2}>
            {col.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
              <Text key={i} wrap="truncate-end" {...(l.heading ? tone("heading") : {})}>
                {l.text}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
    </Overlay>
  );
}
