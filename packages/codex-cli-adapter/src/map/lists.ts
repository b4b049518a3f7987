import type { FeatureState, McpServerState } from "@codex-policy/spec";
import { AdapterError } from "../errors.js";
import type { ExecResult } from "../run.js";
import { parseFeaturesList, parseMcpList } from "./observed-lists.js";

const firstLine = (r: ExecResult): string => (r.stderr.trim() || r.stdout.trim()).split("\n")[0] ?? "";

export function mapFeaturesOrThrow(r: ExecResult): Record<string, FeatureState> {
  if (r.code !== 0)
    throw new AdapterError("probe-failed", `codex features list exited ${r.code}: ${firstLine(r)}`);
  try {
    return parseFeaturesList(r.stdout);
  } catch (e) {
    throw new AdapterError("probe-failed", `codex features list: ${(e as Error).message}`);
  }
}

export function mapMcpOrThrow(r: ExecResult): Record<string, McpServerState> {
  if (r.code !== 0)
    throw new AdapterError("probe-failed", `codex mcp list --json exited ${r.code}: ${firstLine(r)}`);
  try {
    return parseMcpList(r.stdout);
  } catch (e) {
    throw new AdapterError(
      "probe-failed",
      `codex mcp list --json printed unexpected output: ${(e as Error).message}`,
    );
  }
}
