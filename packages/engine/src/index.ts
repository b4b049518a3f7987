export type { Decided } from "./decided.js";
export {
  changedPaths,
  type DriftCause,
  type DriftChange,
  driftFields,
  driftObserved,
  driftScenario,
  releaseTimeline,
  type TimelineRow,
} from "./drift.js";
export {
  changesUpTo,
  EDITIONS,
  type EditionSpec,
  editionSpec,
  REQUIREMENTS_READ_FROM_MINOR,
  toggledEdition,
} from "./editions.js";
export { catalogueFor } from "./features/catalogue.js";
export { NOTICED_FEATURE_KEYS } from "./features/deprecations.js";
export type { Behaviour } from "./releases/behaviour.js";
export { CHANGES, type Change } from "./releases/changes.js";
export { globMatches, matchHostname, normalizeHost } from "./requirements/hostname.js";
export { LEGACY_REQUIREMENT_FIELDS } from "./requirements/legacy.js";
export { resolve, resolveUnder } from "./resolve.js";
export { managedConfigSchema, managedConfigSchemaRanges } from "./schema/managed-config.js";
export {
  isPolicySchemaKind,
  POLICY_SCHEMA_KINDS,
  type PolicySchemaKind,
  policySchema,
  policySchemaFiles,
} from "./schema/policy-files.js";
export { rangeContaining, rangeName } from "./schema/ranges.js";
export {
  firstReleaseReading,
  type JsonSchema,
  requirementSchemaRanges,
  requirementsSchema,
} from "./schema/requirements.js";
export { parseToml } from "./toml.js";
export type { FieldSetting, Trace } from "./trace.js";
export { knownTopLevelKeys, unrecognizedKeys } from "./unknown-keys.js";
