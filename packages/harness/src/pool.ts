import { availableParallelism } from "node:os";

/**
 * Jobs for implementations that mostly wait (the real binary in namespaces waits on its own start-up,
 * RPC replies and model turns): a few runs per core keep the CPU busy. At most 16.
 */
export function waitBoundJobs(cores: number = availableParallelism()): number {
  return Math.max(2, Math.min(16, cores * 3));
}

/**
 * Runs `work` over `items` with at most `jobs` at once. `onResult` sees results in input order
 * (each as soon as every earlier one is done), whatever order they finish in.
 */
export async function mapOrdered<T, R>(
  items: readonly T[],
  jobs: number,
  work: (item: T, index: number) => Promise<R>,
  onResult?: (result: R, index: number) => void,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const done: boolean[] = new Array(items.length).fill(false);
  let next = 0;
  let emitted = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
      done[i] = true;
      while (emitted < items.length && done[emitted]) {
        onResult?.(results[emitted]!, emitted);
        emitted++;
      }
    }
  };
  const n = Math.max(1, Math.min(Math.floor(jobs), items.length));
  await Promise.all(Array.from({ length: n }, worker));
  return results;
}
