import type { Key } from "ink";
import { contextRows } from "../model/context-rows.js";
import type { Action } from "../model/reducer.js";
import type { Store } from "../store.js";
import { activeScopes, type CommandId, findBinding } from "./bindings.js";

export interface GalleryEntry {
  name: string;
  file: string;
  description: string;
}

/** Side effects the dispatcher may ask for; the runtime (or a test) supplies them. */
export interface Effects {
  quit(): void;
  /** Writes the current scenario to `path`. */
  save(path: string): void;
  /** Opens a layer in $EDITOR; returns false when no external editor is available. */
  editExternal(layerKey: string): boolean;
  gallery(): GalleryEntry[];
  openGallery(entry: GalleryEntry): void;
}

/** Turns Ink's key report into one name from the keybinding table's vocabulary. */
export function keyName(input: string, key: Key): string {
  if (key.tab) return key.shift ? "shift+tab" : "tab";
  if (key.upArrow) return "up";
  if (key.downArrow) return "down";
  if (key.leftArrow) return "left";
  if (key.rightArrow) return "right";
  if (key.pageUp) return "pageup";
  if (key.pageDown) return "pagedown";
  if (key.return) return "enter";
  if (key.escape) return "escape";
  if (key.backspace || key.delete) return "backspace";
  if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
  if (input === " ") return "space";
  return input;
}

const printable = (input: string, key: Key) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: reject control characters
  input.length > 0 && !key.ctrl && !key.meta && !/[\u0000-\u0008\u000B-\u001F\u007F]/.test(input);

/** The one key dispatcher: overlay and pane scopes from the binding table, then text entry. */
export function handleKey(store: Store, effects: Effects, input: string, key: Key, pageSize = 10) {
  const state = store.getState();
  const name = keyName(input, key);
  if (name === "ctrl+c") return effects.quit();
  const scopes = activeScopes(state.overlay?.kind ?? null, state.focus);
  const binding = findBinding(scopes, name);
  if (binding) return run(binding.id, store, effects, pageSize);
  const overlay = state.overlay?.kind;
  if ((overlay === "prompt" || overlay === "editor") && printable(input, key)) {
    const text = key.tab ? "  " : input;
    store.dispatch(
      overlay === "prompt"
        ? { type: "prompt-input", text }
        : { type: "editor", op: { kind: "insert", text } },
    );
  }
}

function rowCount(store: Store): number {
  const s = store.getState();
  if (s.focus === "layers") return s.layers.length;
  if (s.focus === "context") return contextRows(s).length;
  return store.derived().rows.length;
}

function openInApp(store: Store, layerKey: string): void {
  const layer = store.getState().layers.find((l) => l.key === layerKey);
  if (!layer) return;
  const lines = layer.text.split("\n");
  store.dispatch({ type: "open", overlay: { kind: "editor", buffer: { layerKey, lines, row: 0, col: 0 } } });
}

function run(id: CommandId, store: Store, fx: Effects, pageSize: number) {
  const s = store.getState();
  const d = (a: Action) => store.dispatch(a);
  const layer = s.layers[s.cursor.layers];
  const ctxRow = contextRows(s)[s.cursor.context];
  switch (id) {
    case "focus.next":
      return d({ type: "focus", delta: 1 });
    case "focus.prev":
      return d({ type: "focus", delta: -1 });
    case "cursor.up":
      return d({ type: "move", delta: -1, rows: rowCount(store) });
    case "cursor.down":
      return d({ type: "move", delta: 1, rows: rowCount(store) });
    case "page.up":
      return d({ type: "move", delta: -pageSize, rows: rowCount(store) });
    case "page.down":
      return d({ type: "move", delta: pageSize, rows: rowCount(store) });
    case "help":
      return d({ type: "open", overlay: { kind: "help" } });
    case "quit":
      return fx.quit();
    case "compare":
      return d({ type: "open", overlay: { kind: "compare", scroll: 0, onlyDiffs: false } });
    case "releases":
      return d({ type: "open", overlay: { kind: "releases", scroll: 0 } });
    case "gallery":
      return d({ type: "open", overlay: { kind: "gallery", cursor: 0 } });
    case "save":
      return d({
        type: "open",
        overlay: {
          kind: "prompt",
          title: "Save scenario to",
          value: s.file ?? "scenario.toml",
          fresh: true,
          target: { kind: "save" },
        },
      });
    case "layer.toggle":
      return layer ? d({ type: "toggle-layer", key: layer.key }) : undefined;
    case "layer.edit":
      if (!layer) return;
      if (fx.editExternal(layer.key)) return;
      return openInApp(store, layer.key);
    case "layer.edit-inapp":
      return layer ? openInApp(store, layer.key) : undefined;
    case "rule.add":
      return d({
        type: "open",
        overlay: { kind: "prompt", title: "New group rule name", value: "", target: { kind: "add-rule" } },
      });
    case "rule.remove":
      return layer?.kind === "cloud.rule" ? d({ type: "remove-rule", key: layer.key }) : undefined;
    case "rule.groups":
      if (layer?.kind !== "cloud.rule") return d({ type: "status", text: "select a cloud group rule first" });
      return d({
        type: "open",
        overlay: {
          kind: "prompt",
          title: `Groups for rule "${layer.name}" (comma separated)`,
          value: (layer.groups ?? []).join(", "),
          target: { kind: "rule-groups", key: layer.key },
        },
      });
    case "rule.rename":
      if (layer?.kind !== "cloud.rule") return;
      return d({
        type: "open",
        overlay: {
          kind: "prompt",
          title: "Rule name",
          value: layer.name ?? "",
          target: { kind: "rule-name", key: layer.key },
        },
      });
    case "context.activate":
      if (!ctxRow) return;
      // Any release is one of ~80 editions: typed rather than cycled through.
      if (ctxRow.kind === "enum" && ctxRow.field === "edition")
        return d({
          type: "open",
          overlay: {
            kind: "prompt",
            title: "Edition (0.150, 0.142.3, codex-0.150, latest, documented)",
            value: s.edition,
            fresh: true,
            target: { kind: "edition" },
          },
        });
      if (ctxRow.kind === "enum") return d({ type: "cycle", field: ctxRow.field, delta: 1 });
      if (ctxRow.kind === "text") {
        return d({
          type: "open",
          overlay: {
            kind: "prompt",
            title: ctxRow.label,
            value: ctxRow.value,
            fresh: true,
            target: { kind: "context", field: ctxRow.field },
          },
        });
      }
      if (ctxRow.kind === "add" || ctxRow.kind === "item") {
        const list = ctxRow.list;
        return d({
          type: "open",
          overlay: {
            kind: "prompt",
            title: ctxRow.kind === "add" ? ctxRow.label : `add ${ctxRow.label}`,
            value: "",
            target: { kind: "add-item", list },
          },
        });
      }
      return;
    case "context.next":
    case "context.prev":
      if (ctxRow?.kind !== "enum") return;
      return d({ type: "cycle", field: ctxRow.field, delta: id === "context.next" ? 1 : -1 });
    case "context.remove":
      if (ctxRow?.kind !== "item") return;
      return d({ type: "remove-item", list: ctxRow.list, index: ctxRow.index });
    case "result.explain": {
      const row = store.derived().rows[s.cursor.result];
      return d({ type: "open", overlay: { kind: "explain", rowId: row?.id ?? "", scroll: 0 } });
    }
    case "overlay.close":
    case "prompt.cancel":
    case "editor.cancel":
      return d({ type: "close" });
    case "overlay.up":
      return d({ type: "scroll", delta: -1 });
    case "overlay.down":
      return d({ type: "scroll", delta: 1 });
    case "compare.diffs":
      if (s.overlay?.kind !== "compare") return;
      return d({ type: "open", overlay: { ...s.overlay, onlyDiffs: !s.overlay.onlyDiffs, scroll: 0 } });
    case "gallery.open": {
      if (s.overlay?.kind !== "gallery") return;
      const entries = fx.gallery();
      const entry = entries[Math.min(s.overlay.cursor, entries.length - 1)];
      if (entry) fx.openGallery(entry);
      return;
    }
    case "prompt.submit": {
      const o = s.overlay;
      if (o?.kind === "prompt" && o.target.kind === "save") {
        d({ type: "close" });
        if (o.value.trim()) fx.save(o.value.trim());
        return;
      }
      return d({ type: "prompt-submit" });
    }
    case "prompt.backspace":
      return d({ type: "prompt-backspace" });
    case "prompt.clear":
      return d({ type: "prompt-clear" });
    case "editor.apply":
      return d({ type: "editor-apply" });
    case "editor.newline":
      return d({ type: "editor", op: { kind: "newline" } });
    case "editor.backspace":
      return d({ type: "editor", op: { kind: "backspace" } });
    case "editor.up":
      return d({ type: "editor", op: { kind: "move", dRow: -1, dCol: 0 } });
    case "editor.down":
      return d({ type: "editor", op: { kind: "move", dRow: 1, dCol: 0 } });
    case "editor.left":
      return d({ type: "editor", op: { kind: "move", dRow: 0, dCol: -1 } });
    case "editor.right":
      return d({ type: "editor", op: { kind: "move", dRow: 0, dCol: 1 } });
  }
}
