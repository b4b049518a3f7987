export * from "./enums.js";
export * from "./scenario.js";
export * from "./outcome.js";
export * from "./case.js";
export * from "./error-codes.js";
