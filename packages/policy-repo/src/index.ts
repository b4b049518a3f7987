export {
  type Coverage,
  type FileCoverage,
  type ItemCoverage,
  policyCoverage,
  type Resolver,
} from "./coverage.js";
export { coverageJson, coverageTable } from "./coverage-report.js";
export { formatRepoIssue, RepoError, type RepoIssue } from "./errors.js";
export { type CoverageItem, coverageItems, ITEM_KINDS, type ItemKind } from "./items.js";
export { loadPolicyRepo, POLICIES_DIR, type PolicyFile, type PolicyRepo, TESTS_DIR } from "./load.js";
export { resolveReferences, USE_KINDS, type UseKind } from "./references.js";
export { DEFAULT_ACTION, ScaffoldError, scaffoldFiles, writeScaffold } from "./scaffold/index.js";
