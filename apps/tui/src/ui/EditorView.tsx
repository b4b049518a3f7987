import { Box, Text } from "ink";
import { parse, TomlError } from "smol-toml";
import type { Layer } from "../model/layers.js";
import { isTomlLayer, layerLabel } from "../model/layers.js";
import type { EditorBuffer } from "../model/state.js";
import { Overlay, scopeHint } from "./Overlay.js";
import { useTone } from "./theme.js";
import { windowOf } from "./window.js";

/** Syntax check for the text being typed (display only; the engine's errors show after applying). */
export function syntaxStatus(text: string): { ok: boolean; message: string; line?: number } {
  try {
    parse(text);
    return { ok: true, message: "TOML ok" };
  } catch (e) {
    if (e instanceof TomlError) {
      return {
        ok: false,
        message: `line ${e.line}, col ${e.column}: ${e.message.split("\n")[0]}`,
        line: e.line,
      };
    }
    return { ok: false, message: String(e) };
  }
}

export function EditorView(props: {
  buffer: EditorBuffer;
  layer: Layer | undefined;
  width: number;
  height: number;
}) {
  const tone = useTone();
  const b = props.buffer;
  const visible = Math.max(1, props.height - 5);
  const { start, items } = windowOf(b.lines, b.row, visible);
  const status = props.layer && isTomlLayer(props.layer) ? syntaxStatus(b.lines.join("\n")) : null;
  return (
    <Overlay
      title={`Edit · ${props.layer ? layerLabel(props.layer) : b.layerKey} · line ${b.row + 1}, col ${b.col + 1}`}
      width={props.width}
      height={props.height}
      hint={scopeHint("editor")}
    >
      {items.map((line, i) => {
        const n = start + i;
        const isCur = n === b.row;
        const bad = status && !status.ok && status.line === n + 1;
        return (
          <Box key={n}>
            <Text {...tone(bad ? "error" : "muted")}>{`${String(n + 1).padStart(3)} `}</Text>
            {isCur ? (
              <Text wrap="truncate-end">
                {line.slice(0, b.col)}
                <Text inverse>{line[b.col] ?? " "}</Text>
                {line.slice(b.col + 1)}
              </Text>
            ) : (
              <Text wrap="truncate-end">{line}</Text>
            )}
          </Box>
        );
      })}
      <Box flexGrow={1} />
      {status ? (
        <Text wrap="truncate-end" {...tone(status.ok ? "ok" : "error")}>
          {status.ok ? "✓ " : "✗ "}
          {status.message}
        </Text>
      ) : null}
    </Overlay>
  );
}
