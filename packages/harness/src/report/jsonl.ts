import type { Footer, Header, Report, ResultRecord } from "./types.js";

/** The canonical artifact: header, one line per record, footer. */
export function toJsonl(r: Report): string {
  return `${[r.header, ...r.records, r.footer].map((x) => JSON.stringify(x)).join("\n")}\n`;
}

/** Reads a JSONL report back; throws on a malformed one. */
export function parseJsonl(text: string): Report {
  const lines = text.split("\n").filter((l) => l.trim());
  const items = lines.map((l, i) => {
    try {
      return JSON.parse(l) as { type: string };
    } catch {
      throw new Error(`report line ${i + 1} is not JSON`);
    }
  });
  const header = items[0] as Header | undefined;
  const footer = items[items.length - 1] as Footer | undefined;
  if (header?.type !== "header") throw new Error("report does not start with a header");
  if (footer?.type !== "footer") throw new Error("report does not end with a footer");
  return { header, footer, records: items.slice(1, -1) as ResultRecord[] };
}
