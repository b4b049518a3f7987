import {
  ALL_EDITIONS,
  AuthKind,
  CacheState,
  FetchOutcome,
  HostOs,
  Plan,
  ProjectTrust,
} from "@codex-policy/spec";
import type { ContextState, State } from "./state.js";

export type EnumField = "os" | "auth" | "plan" | "cache" | "fetch" | "trust" | "edition";
export type TextField = "hostname" | "fqdn" | "user" | "account";
export type ListField = "groups" | "probes";

/** The values each pick-list offers: the scenario format's own enums. */
export const ENUM_OPTIONS: Record<EnumField, readonly string[]> = {
  os: HostOs.options,
  auth: AuthKind.options,
  plan: ["", ...Plan.options],
  cache: CacheState.options,
  fetch: FetchOutcome.options,
  trust: ProjectTrust.options,
  // Every release (oldest first) and documented; Enter on the row types one instead.
  edition: ALL_EDITIONS,
};

export type ContextRow =
  | { id: string; kind: "enum"; field: EnumField; label: string; value: string }
  | { id: string; kind: "text"; field: TextField; label: string; value: string }
  | { id: string; kind: "item"; list: ListField; index: number; label: string; value: string }
  | { id: string; kind: "add"; list: ListField; label: string; value: string }
  | { id: string; kind: "heading"; label: string; value: string };

const LIST_LABELS: Record<ListField, { item: string; add: string }> = {
  groups: { item: "group", add: "+ add group" },
  probes: { item: "probe", add: "+ add probe command" },
};

function listRows(ctx: ContextState, list: ListField): ContextRow[] {
  const rows: ContextRow[] = ctx[list].map((value, index) => ({
    id: `${list}.${index}`,
    kind: "item",
    list,
    index,
    label: LIST_LABELS[list].item,
    value,
  }));
  rows.push({ id: `${list}.add`, kind: "add", list, label: LIST_LABELS[list].add, value: "" });
  return rows;
}

/** The Context pane as a flat list of rows; the cursor indexes into it. */
export function contextRows(state: Pick<State, "context" | "edition">): ContextRow[] {
  const c = state.context;
  const e = (field: EnumField, label: string, value: string): ContextRow => ({
    id: field,
    kind: "enum",
    field,
    label,
    value: value === "" ? "(none)" : value,
  });
  const t = (field: TextField, label: string): ContextRow => ({
    id: field,
    kind: "text",
    field,
    label,
    value: c[field] ?? "",
  });
  return [
    e("edition", "edition", state.edition),
    e("os", "os", c.os),
    t("hostname", "hostname"),
    t("fqdn", "fqdn"),
    e("auth", "auth", c.auth),
    e("plan", "plan", c.plan),
    t("user", "user"),
    t("account", "account"),
    ...listRows(c, "groups"),
    e("cache", "cloud cache", c.cache),
    e("fetch", "cloud fetch", c.fetch),
    e("trust", "project trust", c.trust),
    ...listRows(c, "probes"),
  ];
}
