import { type Edition, parseEdition, type Scenario } from "@codex-policy/spec";
import { contextRows, ENUM_OPTIONS, type EnumField, type ListField, type TextField } from "./context-rows.js";
import type { Layer } from "./layers.js";
import {
  type EditorBuffer,
  type Overlay,
  PANES,
  type PaneId,
  type State,
  stateFromScenario,
} from "./state.js";

export type Action =
  | { type: "focus"; delta: 1 | -1 }
  | { type: "focus-pane"; pane: PaneId }
  | { type: "move"; delta: number; rows: number }
  | { type: "toggle-layer"; key: string }
  | { type: "set-layer-text"; key: string; text: string }
  | { type: "add-rule"; name: string }
  | { type: "remove-rule"; key: string }
  | { type: "set-rule-groups"; key: string; groups: string[] }
  | { type: "rename-rule"; key: string; name: string }
  | { type: "cycle"; field: EnumField; delta: 1 | -1 }
  | { type: "set-text"; field: TextField; value: string }
  | { type: "add-item"; list: ListField; value: string }
  | { type: "remove-item"; list: ListField; index: number }
  | { type: "open"; overlay: Overlay }
  | { type: "close" }
  | { type: "scroll"; delta: number }
  | { type: "prompt-input"; text: string }
  | { type: "prompt-backspace" }
  | { type: "prompt-clear" }
  | { type: "prompt-submit" }
  | { type: "editor"; op: EditorOp }
  | { type: "editor-apply" }
  | { type: "load"; scenario: Scenario; file: string | null }
  | { type: "saved"; file: string }
  | { type: "status"; text: string };

export type EditorOp =
  | { kind: "insert"; text: string }
  | { kind: "newline" }
  | { kind: "backspace" }
  | { kind: "move"; dRow: number; dCol: number };

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

function updateLayer(state: State, key: string, f: (l: Layer) => Layer): State {
  let hit = false;
  const layers = state.layers.map((l) => {
    if (l.key !== key) return l;
    hit = true;
    return f(l);
  });
  return hit ? { ...state, layers, dirty: true } : state;
}

function applyEditor(b: EditorBuffer, op: EditorOp): EditorBuffer {
  const lines = [...b.lines];
  const line = lines[b.row] ?? "";
  switch (op.kind) {
    case "insert": {
      const parts = op.text.replace(/\r\n?/g, "\n").split("\n");
      if (parts.length === 1) {
        lines[b.row] = line.slice(0, b.col) + op.text + line.slice(b.col);
        return { ...b, lines, col: b.col + op.text.length };
      }
      const head = line.slice(0, b.col) + parts[0];
      const last = parts[parts.length - 1] ?? "";
      const tail = last + line.slice(b.col);
      lines.splice(b.row, 1, head, ...parts.slice(1, -1), tail);
      return { ...b, lines, row: b.row + parts.length - 1, col: last.length };
    }
    case "newline":
      lines.splice(b.row, 1, line.slice(0, b.col), line.slice(b.col));
      return { ...b, lines, row: b.row + 1, col: 0 };
    case "backspace":
      if (b.col > 0) {
        lines[b.row] = line.slice(0, b.col - 1) + line.slice(b.col);
        return { ...b, lines, col: b.col - 1 };
      }
      if (b.row === 0) return b;
      {
        const prev = lines[b.row - 1] ?? "";
        lines.splice(b.row - 1, 2, prev + line);
        return { ...b, lines, row: b.row - 1, col: prev.length };
      }
    case "move": {
      const row = clamp(b.row + op.dRow, 0, lines.length - 1);
      const len = (lines[row] ?? "").length;
      const col = op.dRow !== 0 ? Math.min(b.col, len) : clamp(b.col + op.dCol, 0, len);
      return { ...b, row, col };
    }
  }
}

function submitPrompt(state: State): State {
  const o = state.overlay;
  if (o?.kind !== "prompt") return state;
  const value = o.value.trim();
  const closed: State = { ...state, overlay: null };
  const t = o.target;
  switch (t.kind) {
    case "context":
      return reducer(closed, { type: "set-text", field: t.field, value });
    case "add-item":
      return value ? reducer(closed, { type: "add-item", list: t.list, value }) : closed;
    case "rule-groups": {
      const groups = value
        .split(",")
        .map((g) => g.trim())
        .filter(Boolean);
      return reducer(closed, { type: "set-rule-groups", key: t.key, groups });
    }
    case "rule-name":
      return value ? reducer(closed, { type: "rename-rule", key: t.key, name: value }) : closed;
    case "add-rule":
      return value ? reducer(closed, { type: "add-rule", name: value }) : closed;
    case "edition": {
      const p = parseEdition(value);
      if (!p.ok) return { ...closed, status: p.message };
      return {
        ...closed,
        edition: p.edition,
        dirty: p.edition !== state.edition || state.dirty,
        status: `edition ${p.edition}`,
      };
    }
    case "save":
      // Writing the file is an effect; the runtime performs it and dispatches `saved`.
      return closed;
  }
}

/** The whole UI state machine. Pure: no I/O, no engine calls. */
export function reducer(state: State, action: Action): State {
  switch (action.type) {
    case "focus": {
      const i = PANES.indexOf(state.focus);
      return { ...state, focus: PANES[(i + action.delta + PANES.length) % PANES.length] ?? "layers" };
    }
    case "focus-pane":
      return { ...state, focus: action.pane };
    case "move": {
      const max = Math.max(0, action.rows - 1);
      const cur = clamp(state.cursor[state.focus] + action.delta, 0, max);
      return { ...state, cursor: { ...state.cursor, [state.focus]: cur } };
    }
    case "toggle-layer":
      return updateLayer(state, action.key, (l) => ({ ...l, enabled: !l.enabled }));
    case "set-layer-text":
      return updateLayer(state, action.key, (l) => ({ ...l, text: action.text, enabled: true }));
    case "add-rule": {
      const key = `cloud.rule#${state.nextRuleId}`;
      const rule: Layer = { key, kind: "cloud.rule", enabled: true, text: "", name: action.name, groups: [] };
      const lastRule = state.layers.reduce((acc, l, i) => (l.kind === "cloud.rule" ? i : acc), -1);
      const layers = [...state.layers];
      layers.splice(lastRule + 1, 0, rule);
      return {
        ...state,
        layers,
        nextRuleId: state.nextRuleId + 1,
        dirty: true,
        status: `added rule ${action.name}`,
      };
    }
    case "remove-rule": {
      const target = state.layers.find((l) => l.key === action.key);
      if (target?.kind !== "cloud.rule") return state;
      const layers = state.layers.filter((l) => l.key !== action.key);
      const cursor = { ...state.cursor, layers: clamp(state.cursor.layers, 0, layers.length - 1) };
      return { ...state, layers, cursor, dirty: true, status: `removed rule ${target.name}` };
    }
    case "set-rule-groups":
      return updateLayer(state, action.key, (l) =>
        l.kind === "cloud.rule" ? { ...l, groups: action.groups } : l,
      );
    case "rename-rule":
      return updateLayer(state, action.key, (l) =>
        l.kind === "cloud.rule" ? { ...l, name: action.name } : l,
      );
    case "cycle": {
      const opts = ENUM_OPTIONS[action.field];
      const current = action.field === "edition" ? state.edition : state.context[action.field];
      const next = opts[(opts.indexOf(current) + action.delta + opts.length) % opts.length] ?? opts[0] ?? "";
      if (action.field === "edition") return { ...state, edition: next as Edition, dirty: true };
      return { ...state, context: { ...state.context, [action.field]: next }, dirty: true };
    }
    case "set-text": {
      // Clearing an optional field removes it; the hostname always has a value.
      const value = action.value === "" && action.field !== "hostname" ? null : action.value;
      return { ...state, context: { ...state.context, [action.field]: value }, dirty: true };
    }
    case "add-item": {
      const list = [...state.context[action.list], action.value];
      return { ...state, context: { ...state.context, [action.list]: list }, dirty: true };
    }
    case "remove-item": {
      const list = state.context[action.list].filter((_, i) => i !== action.index);
      const context = { ...state.context, [action.list]: list };
      // One row fewer: a cursor on the last row moves up with it.
      const last = contextRows({ context, edition: state.edition }).length - 1;
      const cursor = { ...state.cursor, context: clamp(state.cursor.context, 0, last) };
      return { ...state, context, cursor, dirty: true };
    }
    case "open":
      return { ...state, overlay: action.overlay };
    case "close":
      return state.overlay ? { ...state, overlay: null } : state;
    case "scroll": {
      const o = state.overlay;
      if (o?.kind === "explain" || o?.kind === "compare" || o?.kind === "releases") {
        return { ...state, overlay: { ...o, scroll: Math.max(0, o.scroll + action.delta) } };
      }
      if (o?.kind === "gallery")
        return { ...state, overlay: { ...o, cursor: Math.max(0, o.cursor + action.delta) } };
      return state;
    }
    case "prompt-input": {
      const o = state.overlay;
      if (o?.kind !== "prompt") return state;
      const typed = action.text.replace(/[\r\n]/g, "");
      return { ...state, overlay: { ...o, value: (o.fresh ? "" : o.value) + typed, fresh: false } };
    }
    case "prompt-backspace": {
      const o = state.overlay;
      if (o?.kind !== "prompt") return state;
      return { ...state, overlay: { ...o, value: o.value.slice(0, -1), fresh: false } };
    }
    case "prompt-clear":
      return state.overlay?.kind === "prompt"
        ? { ...state, overlay: { ...state.overlay, value: "", fresh: false } }
        : state;
    case "prompt-submit":
      return submitPrompt(state);
    case "editor":
      return state.overlay?.kind === "editor"
        ? { ...state, overlay: { kind: "editor", buffer: applyEditor(state.overlay.buffer, action.op) } }
        : state;
    case "editor-apply": {
      if (state.overlay?.kind !== "editor") return state;
      const b = state.overlay.buffer;
      const next = reducer(
        { ...state, overlay: null },
        { type: "set-layer-text", key: b.layerKey, text: b.lines.join("\n") },
      );
      return { ...next, status: "layer updated" };
    }
    case "load": {
      const fresh = stateFromScenario(action.scenario, action.file);
      return { ...fresh, focus: state.focus };
    }
    case "saved":
      return { ...state, file: action.file, dirty: false, status: `saved ${action.file}` };
    case "status":
      return { ...state, status: action.text };
  }
}
