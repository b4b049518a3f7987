/**
 * Work to do if this process exits or is interrupted mid-run (Ctrl-C, SIGTERM): kill the namespaces,
 * then remove the run directories. One set of listeners serves every concurrent run. Every kill goes
 * first, so that no process is still writing into a directory being removed. On a signal the hooks
 * run, then the signal is raised again so that the process ends as it would have.
 */
export type ExitStage = "kill" | "remove";
const onProcessExit = { kill: new Set<() => void>(), remove: new Set<() => void>() };
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const hookCount = () => onProcessExit.kill.size + onProcessExit.remove.size;
export function atExit(stage: ExitStage, fn: () => void): () => void {
  if (hookCount() === 0) {
    process.once("exit", runExitHooks);
    for (const s of SIGNALS) process.once(s, onSignal);
  }
  onProcessExit[stage].add(fn);
  return () => {
    onProcessExit[stage].delete(fn);
    if (hookCount() === 0) {
      process.removeListener("exit", runExitHooks);
      for (const s of SIGNALS) process.removeListener(s, onSignal);
    }
  };
}
export function runExitHooks(): void {
  for (const stage of ["kill", "remove"] as const) {
    for (const fn of onProcessExit[stage]) {
      try {
        fn();
      } catch {
        // keep going: every hook gets its turn
      }
    }
    onProcessExit[stage].clear();
  }
}
function onSignal(signal: NodeJS.Signals): void {
  runExitHooks();
  process.removeListener("exit", runExitHooks);
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // Another listener (a CLI's own handler) decides what happens next; otherwise die by the signal.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}
