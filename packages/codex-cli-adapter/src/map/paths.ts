/** The run's temp paths, and the stable names that replace them in reported texts. */
export interface RunPaths {
  root: string;
  home: string;
  codexHome: string;
  project: string;
}

/**
 * Replaces the run's temp directories with stable names so texts compare across runs:
 * CODEX_HOME → `~/.codex`, HOME → `~`, files in the project → relative paths (`.codex/config.toml`),
 * the project dir itself → `.`, anything else under the temp root → `<tmp>`.
 */
export function normalizePaths(text: string, paths: RunPaths | null): string {
  if (!paths) return text;
  return text
    .split(`${paths.codexHome}`)
    .join("~/.codex")
    .split(`${paths.project}/`)
    .join("")
    .split(paths.project)
    .join(".")
    .split(paths.home)
    .join("~")
    .split(paths.root)
    .join("<tmp>");
}
