import { Text } from "ink";
import type { GalleryEntry } from "../keys/dispatch.js";
import { Overlay, scopeHint } from "./Overlay.js";
import { Line } from "./Pane.js";
import { useTone } from "./theme.js";

export function GalleryView(props: {
  entries: GalleryEntry[];
  cursor: number;
  width: number;
  height: number;
}) {
  const tone = useTone();
  const cursor = Math.min(props.cursor, props.entries.length - 1);
  const sel = props.entries[cursor];
  return (
    <Overlay title="Example policies" width={props.width} height={props.height} hint={scopeHint("gallery")}>
      {props.entries.length === 0 ? <Text {...tone("muted")}>No examples found.</Text> : null}
      {props.entries.map((e, i) => (
        <Line key={e.file} width={props.width - 4} selected={i === cursor}>
          <Text bold>{e.name.padEnd(22)}</Text>
          <Text {...tone("muted")}>{e.description}</Text>
        </Line>
      ))}
      {sel ? <Text wrap="truncate-end">{`\n${sel.file}`}</Text> : null}
    </Overlay>
  );
}
