export * from "./case.js";
export * from "./enums.js";
export * from "./error-codes.js";
export * from "./json-schema.js";
export * from "./load.js";
export * from "./outcome.js";
export * from "./releases.js";
export * from "./scenario.js";
export { parseVersion, rangeProblem, satisfies, VersionRangeError } from "./semver.js";
