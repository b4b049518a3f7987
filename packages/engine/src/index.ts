export { EDITIONS, type EditionSpec } from "./editions.js";
export { globMatches, matchHostname } from "./requirements/hostname.js";
export { resolve } from "./resolve.js";
export { parseToml } from "./toml.js";
export type { FieldSetting, Trace } from "./trace.js";
