import { Text } from "ink";
import { explain } from "../model/explain.js";
import type { Derived } from "../store.js";
import { Overlay, scopeHint } from "./Overlay.js";
import { useTone } from "./theme.js";

export function ExplainView(props: {
  derived: Derived;
  rowId: string;
  scroll: number;
  width: number;
  height: number;
}) {
  const tone = useTone();
  const { title, lines } = explain(
    props.derived.outcome,
    props.rowId,
    props.derived.built.scenario.identity.groups,
  );
  const visible = Math.max(1, props.height - 4);
  const scroll = Math.min(props.scroll, Math.max(0, lines.length - visible));
  return (
    <Overlay
      title={`Explain · ${title} · ${props.derived.outcome.edition}`}
      width={props.width}
      height={props.height}
      hint={scopeHint("explain")}
    >
      {lines.slice(scroll, scroll + visible).map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
        <Text key={scroll + i} wrap="truncate-end" {...tone(l.tone)}>
          {l.text}
        </Text>
      ))}
    </Overlay>
  );
}
