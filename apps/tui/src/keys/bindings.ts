/** Where a binding applies. Overlay scopes shadow the pane scopes; `global` applies under panes. */
export type Scope =
  | "global"
  | "layers"
  | "context"
  | "result"
  | "help"
  | "explain"
  | "compare"
  | "releases"
  | "gallery"
  | "prompt"
  | "editor";

export type CommandId =
  | "focus.next"
  | "focus.prev"
  | "help"
  | "quit"
  | "compare"
  | "releases"
  | "gallery"
  | "save"
  | "cursor.up"
  | "cursor.down"
  | "page.up"
  | "page.down"
  | "layer.toggle"
  | "layer.edit"
  | "layer.edit-inapp"
  | "rule.add"
  | "rule.remove"
  | "rule.groups"
  | "rule.rename"
  | "context.activate"
  | "context.next"
  | "context.prev"
  | "context.remove"
  | "result.explain"
  | "overlay.close"
  | "overlay.up"
  | "overlay.down"
  | "compare.diffs"
  | "gallery.open"
  | "prompt.submit"
  | "prompt.cancel"
  | "prompt.backspace"
  | "prompt.clear"
  | "editor.apply"
  | "editor.cancel"
  | "editor.newline"
  | "editor.backspace"
  | "editor.up"
  | "editor.down"
  | "editor.left"
  | "editor.right";

export interface Binding {
  id: CommandId;
  scope: Scope;
  keys: string[];
  help: string;
}

/** The one keybinding table: the dispatcher reads it and the help overlay draws it. */
export const BINDINGS: readonly Binding[] = [
  { id: "focus.next", scope: "global", keys: ["tab"], help: "next pane" },
  { id: "focus.prev", scope: "global", keys: ["shift+tab"], help: "previous pane" },
  { id: "cursor.up", scope: "global", keys: ["up", "k"], help: "move up" },
  { id: "cursor.down", scope: "global", keys: ["down", "j"], help: "move down" },
  { id: "page.up", scope: "global", keys: ["pageup"], help: "page up" },
  { id: "page.down", scope: "global", keys: ["pagedown"], help: "page down" },
  { id: "compare", scope: "global", keys: ["c"], help: "compare editions side by side" },
  { id: "releases", scope: "global", keys: ["v"], help: "releases view: key fields across Codex releases" },
  { id: "gallery", scope: "global", keys: ["g"], help: "open the example gallery" },
  { id: "save", scope: "global", keys: ["s", "ctrl+s"], help: "save the scenario to a file" },
  { id: "help", scope: "global", keys: ["?"], help: "this help" },
  { id: "quit", scope: "global", keys: ["q", "ctrl+c"], help: "quit" },

  { id: "layer.toggle", scope: "layers", keys: ["space"], help: "switch layer on/off" },
  { id: "layer.edit", scope: "layers", keys: ["enter"], help: "edit layer ($EDITOR, else in-app)" },
  { id: "layer.edit-inapp", scope: "layers", keys: ["i"], help: "edit layer in the in-app editor" },
  { id: "rule.add", scope: "layers", keys: ["a"], help: "add a cloud group rule" },
  { id: "rule.remove", scope: "layers", keys: ["d", "delete"], help: "remove the selected group rule" },
  { id: "rule.groups", scope: "layers", keys: ["G"], help: "edit the rule's groups (comma list)" },
  { id: "rule.rename", scope: "layers", keys: ["r"], help: "rename the group rule" },

  {
    id: "context.activate",
    scope: "context",
    keys: ["enter"],
    help: "edit text / type a release / next value / add item",
  },
  { id: "context.next", scope: "context", keys: ["right", "space"], help: "next enum value" },
  { id: "context.prev", scope: "context", keys: ["left"], help: "previous enum value" },
  {
    id: "context.remove",
    scope: "context",
    keys: ["-", "d", "delete", "backspace"],
    help: "remove list item",
  },

  { id: "result.explain", scope: "result", keys: ["enter", "e"], help: "explain the selected value" },

  { id: "overlay.close", scope: "help", keys: ["escape", "q", "?"], help: "close" },
  { id: "overlay.close", scope: "explain", keys: ["escape", "q", "left"], help: "back" },
  { id: "overlay.up", scope: "explain", keys: ["up", "k"], help: "scroll up" },
  { id: "overlay.down", scope: "explain", keys: ["down", "j"], help: "scroll down" },
  { id: "overlay.close", scope: "compare", keys: ["escape", "q", "c"], help: "back" },
  { id: "overlay.up", scope: "compare", keys: ["up", "k"], help: "scroll up" },
  { id: "overlay.down", scope: "compare", keys: ["down", "j"], help: "scroll down" },
  { id: "compare.diffs", scope: "compare", keys: ["d"], help: "only differences / all rows" },
  { id: "overlay.close", scope: "releases", keys: ["escape", "q", "v"], help: "back" },
  { id: "overlay.up", scope: "releases", keys: ["up", "k"], help: "scroll up" },
  { id: "overlay.down", scope: "releases", keys: ["down", "j"], help: "scroll down" },
  { id: "overlay.close", scope: "gallery", keys: ["escape", "q"], help: "back" },
  { id: "overlay.up", scope: "gallery", keys: ["up", "k"], help: "previous example" },
  { id: "overlay.down", scope: "gallery", keys: ["down", "j"], help: "next example" },
  { id: "gallery.open", scope: "gallery", keys: ["enter"], help: "open the example" },

  { id: "prompt.submit", scope: "prompt", keys: ["enter"], help: "accept" },
  { id: "prompt.cancel", scope: "prompt", keys: ["escape"], help: "cancel" },
  { id: "prompt.backspace", scope: "prompt", keys: ["backspace"], help: "delete a character" },
  { id: "prompt.clear", scope: "prompt", keys: ["ctrl+u"], help: "clear" },

  { id: "editor.apply", scope: "editor", keys: ["ctrl+s", "ctrl+x"], help: "apply the edit" },
  { id: "editor.cancel", scope: "editor", keys: ["escape"], help: "discard the edit" },
  { id: "editor.newline", scope: "editor", keys: ["enter"], help: "new line" },
  { id: "editor.backspace", scope: "editor", keys: ["backspace"], help: "delete a character" },
  { id: "editor.up", scope: "editor", keys: ["up"], help: "cursor up" },
  { id: "editor.down", scope: "editor", keys: ["down"], help: "cursor down" },
  { id: "editor.left", scope: "editor", keys: ["left"], help: "cursor left" },
  { id: "editor.right", scope: "editor", keys: ["right"], help: "cursor right" },
];

/** Scopes consulted for a key, first match wins. Text-entry scopes do not fall through to global keys. */
export function activeScopes(overlay: string | null, focus: "layers" | "context" | "result"): Scope[] {
  if (overlay === "prompt" || overlay === "editor") return [overlay];
  if (overlay) return [overlay as Scope];
  return [focus, "global"];
}

export function findBinding(scopes: Scope[], key: string): Binding | undefined {
  for (const scope of scopes) {
    const b = BINDINGS.find((x) => x.scope === scope && x.keys.includes(key));
    if (b) return b;
  }
  return undefined;
}

const KEY_NAMES: Record<string, string> = {
  up: "↑",
  down: "↓",
  left: "←",
  right: "→",
  enter: "Enter",
  escape: "Esc",
  space: "Space",
  tab: "Tab",
  "shift+tab": "Shift+Tab",
  backspace: "Bksp",
  delete: "Del",
  pageup: "PgUp",
  pagedown: "PgDn",
};

export const keyLabel = (k: string) =>
  KEY_NAMES[k] ?? (k.startsWith("ctrl+") ? `Ctrl+${k.slice(5).toUpperCase()}` : k);
