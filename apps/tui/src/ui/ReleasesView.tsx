import type { TimelineRow } from "@codex-policy/engine";
import { type Edition, editionMinor } from "@codex-policy/spec";
import { Text } from "ink";
import { Overlay, scopeHint } from "./Overlay.js";
import { useTone } from "./theme.js";

const cell = (s: string, w: number) => (s.length > w - 1 ? `${s.slice(0, w - 2)}…` : s).padEnd(w);

/**
 * The current scenario across Codex releases: the first release, then a row wherever a key field changes,
 * each with the change entries that explain it on the line below. The row in force for the edition being
 * edited is marked.
 */
export function ReleasesView(props: {
  rows: TimelineRow[];
  edition: Edition;
  scroll: number;
  width: number;
  height: number;
}) {
  const tone = useTone();
  const current = editionMinor(props.edition);
  const inForce =
    current === null
      ? -1
      : props.rows.reduce((at, r, i) => ((editionMinor(r.edition) ?? 0) <= current ? i : at), -1);
  const lines: { text: string; key: string; mark: boolean; dim: boolean }[] = [];
  props.rows.forEach((r, i) => {
    const text = `${i === inForce ? "▶" : " "}${cell(r.edition.replace(/^codex-/, ""), 7)}${cell(r.status, 8)}${cell(r.approval, 11)}${cell(r.sandbox, 19)}${cell(r.reviewer, 12)}${cell(r.webSearch, 9)}${cell(r.mcp, 5)}${r.warnings}`;
    lines.push({ text, key: `${r.edition}`, mark: i === inForce, dim: false });
    const why = r.causes.map((c) => c.id).join(", ");
    if (why) lines.push({ text: `   ↳ ${why}`, key: `${r.edition}.why`, mark: false, dim: true });
  });
  const visible = Math.max(1, props.height - 5);
  const scroll = Math.min(props.scroll, Math.max(0, lines.length - visible));
  const title =
    props.rows.length === 0
      ? "Releases · not available"
      : `Releases · ${props.rows.length - 1} change point${props.rows.length === 2 ? "" : "s"} from ${props.rows[0]!.edition.replace(/^codex-/, "")}`;
  return (
    <Overlay title={title} width={props.width} height={props.height} hint={scopeHint("releases")}>
      <Text
        bold
        wrap="truncate-end"
      >{` ${cell("codex", 7)}${cell("status", 8)}${cell("approval", 11)}${cell("sandbox", 19)}${cell("reviewer", 12)}${cell("web", 9)}${cell("mcp", 5)}warn`}</Text>
      {lines.slice(scroll, scroll + visible).map((l) => (
        <Text key={l.key} wrap="truncate-end" dimColor={l.dim} bold={l.mark} {...(l.mark ? tone("ok") : {})}>
          {l.text}
        </Text>
      ))}
    </Overlay>
  );
}
