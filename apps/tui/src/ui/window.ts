/** The slice of a list that keeps `cursor` visible in `height` rows. */
export function windowOf<T>(
  items: readonly T[],
  cursor: number,
  height: number,
): { start: number; items: T[] } {
  const h = Math.max(1, height);
  const start = Math.max(0, Math.min(cursor - Math.floor(h / 2), items.length - h));
  return { start, items: items.slice(start, start + h) };
}
