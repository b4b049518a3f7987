import { resolve } from "@codex-policy/engine";
import { checkExpectations, expandTests, loadCorpus } from "@codex-policy/harness";
const cases = await loadCorpus();
let pass = 0, fail = 0;
const byArea: Record<string, number> = {};
const lines: string[] = [];
for (const c of cases) for (const t of expandTests(c)) {
  const o = resolve(t.scenario, t.edition);
  const bad = checkExpectations(o, t.expect).filter((r) => !r.ok);
  if (bad.length) { fail++; byArea[t.area] = (byArea[t.area] ?? 0) + 1;
    lines.push(`${t.caseId}:${t.testId} [${t.edition}] ${bad.map((b) => `${b.path} exp=${JSON.stringify(b.expected)} got=${JSON.stringify(b.actual)}`.slice(0, 400)).join(" | ")}`);
  } else pass++;
}
console.log(lines.join("\n"));
console.log(JSON.stringify(byArea), `pass ${pass} fail ${fail}`);
