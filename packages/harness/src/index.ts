export { parseVersion, rangeProblem, satisfies, VersionRangeError } from "@codex-policy/spec";
export { codexCliAdapter } from "./adapters/codex-cli.js";
export { splitCommand } from "./adapters/command.js";
export { engineAdapter, loadEngineResolve } from "./adapters/engine.js";
export { adapterFromSpec, type ImplChoice, ImplSpecError } from "./adapters/from-spec.js";
export { InProcessAdapter, type InProcessImpl } from "./adapters/in-process.js";
export { JsonlAdapter } from "./adapters/jsonl.js";
export { ONESHOT_SKIP_EXIT, OneshotAdapter } from "./adapters/oneshot.js";
export type { Adapter, AdapterInfo, Reply, RunOutput } from "./adapters/types.js";
export * from "./baseline.js";
export { CAPABILITIES, type Capability, missingCapabilities, requiredCapabilities } from "./capabilities.js";
export { type ChangeCoverage, CLAIMS_PER_SIDE, changeCoverage, changeCovered } from "./change-coverage.js";
export { AdapterStartError, CorpusError, type CorpusIssue, formatIssue } from "./errors.js";
export { expandForRelease, expandTests, instanceId, type TestInstance } from "./expand.js";
export { type CheckResult, checkExpectations, deepEqual, expectationIssues, resolvePath } from "./expect.js";
export { corpusHash } from "./hash.js";
export { CORPUS_AREAS, type LintIssue, type LintOptions, lintCorpus } from "./lint.js";
export { REFERENCE_FILES } from "./lint-evidence.js";
export { formatZodPath, loadCorpus, type ParsedCaseFile, parseCaseFile, validateCase } from "./load.js";
export { mergePatch } from "./merge.js";
export { defaultCasesDir, repoRoot } from "./paths.js";
export { mapOrdered, waitBoundJobs } from "./pool.js";
export * from "./protocol/messages.js";
export * from "./report/index.js";
export { type RunConfig, runConformance } from "./runner.js";
export { failureSummary, scoreChecks } from "./score.js";
export {
  caseExclusion,
  inShard,
  parseShard,
  parseTags,
  type Shard,
  selectCases,
  shuffle,
  tagsMatch,
} from "./select.js";
export { type CaseSource, caseSource, setCaseSource } from "./source.js";
export { SUITE_NAME, SUITE_VERSION } from "./version.js";
