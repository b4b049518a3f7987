export { defaultRoster, type PolicySpace, policySpace } from "./default-roster.js";
export { describeChange, groupHeadline, groupLines } from "./describe.js";
export { ImpactInputError } from "./errors.js";
export { type ImpactReport, jsonImpact, markdownImpact, readableImpact } from "./format.js";
export {
  type EntryImpact,
  entryScenario,
  type FieldChange,
  groupImpacts,
  type ImpactGroup,
  impactOf,
} from "./impact.js";
export { type AccessCheck, checkNoNewAccess, grantsMore } from "./no-new-access.js";
export { type Policy, policyLayers, readPolicyVersion } from "./policy.js";
export { ROSTER_FIELDS, type RosterEntry, readRoster } from "./roster.js";
