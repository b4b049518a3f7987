import type { OutcomeError } from "@codex-policy/spec";

export type UserDecision = "allow" | "prompt" | "forbidden";

/** A `prefix_rule(...)` from the user's Starlark `.rules` file. */
export interface UserRule {
  /** Position among the file's rules. */
  index: number;
  pattern: string[][];
  decision: UserDecision;
  justification?: string;
  line: number;
}

type Tok =
  | { t: "id"; v: string; line: number; col: number }
  | { t: "str"; v: string; line: number; col: number }
  | { t: "p"; v: string; line: number; col: number }
  | { t: "nl"; line: number; col: number };

class RulesSyntaxError {
  constructor(
    readonly message: string,
    readonly line: number,
    readonly column: number,
  ) {}
}

function lex(text: string): Tok[] {
  const out: Tok[] = [];
  let line = 1;
  let col = 1;
  let i = 0;
  const adv = (n: number): void => {
    for (let k = 0; k < n; k++) {
      if (text[i] === "\n") {
        line++;
        col = 1;
      } else col++;
      i++;
    }
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === "#") {
      while (i < text.length && text[i] !== "\n") adv(1);
    } else if (c === "\n") {
      out.push({ t: "nl", line, col });
      adv(1);
    } else if (c === " " || c === "\t" || c === "\r") {
      adv(1);
    } else if (c === '"' || c === "'") {
      const sl = line;
      const sc = col;
      adv(1);
      let v = "";
      for (;;) {
        if (i >= text.length || text[i] === "\n")
          throw new RulesSyntaxError("unterminated string literal", sl, sc);
        const d = text[i]!;
        if (d === c) {
          adv(1);
          break;
        }
        if (d === "\\" && i + 1 < text.length) {
          const e = text[i + 1]!;
          v += e === "n" ? "\n" : e === "t" ? "\t" : e;
          adv(2);
          continue;
        }
        v += d;
        adv(1);
      }
      out.push({ t: "str", v, line: sl, col: sc });
    } else if (/[A-Za-z_]/.test(c)) {
      const sl = line;
      const sc = col;
      let v = "";
      while (i < text.length && /[A-Za-z0-9_]/.test(text[i]!)) {
        v += text[i];
        adv(1);
      }
      out.push({ t: "id", v, line: sl, col: sc });
    } else if ("()[],=".includes(c)) {
      out.push({ t: "p", v: c, line, col });
      adv(1);
    } else {
      throw new RulesSyntaxError(`unexpected character \`${c}\``, line, col);
    }
  }
  out.push({ t: "nl", line, col });
  return out;
}

type Value = { kind: "str"; v: string } | { kind: "list"; v: Value[] };

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly toks: Tok[]) {}
  private peek(): Tok {
    return this.toks[this.i] ?? this.toks[this.toks.length - 1]!;
  }
  private next(): Tok {
    const t = this.peek();
    if (this.i < this.toks.length) this.i++;
    return t;
  }
  private skipNl(): void {
    while (this.peek().t === "nl" && this.i < this.toks.length - 1) this.i++;
  }
  private fail(t: Tok, msg: string): never {
    throw new RulesSyntaxError(msg, t.line, t.col);
  }
  atEnd(): boolean {
    while (this.peek().t === "nl" && this.i < this.toks.length - 1) this.i++;
    return this.i >= this.toks.length - 1;
  }
  private expect(v: string): void {
    this.skipNl();
    const t = this.next();
    if (t.t !== "p" || t.v !== v) this.fail(t, `expected \`${v}\``);
  }
  private value(): Value {
    this.skipNl();
    const t = this.next();
    if (t.t === "str") return { kind: "str", v: t.v };
    if (t.t === "p" && t.v === "[") {
      if (++this.depth > 64) this.fail(t, "lists nested too deeply");
      const items: Value[] = [];
      for (;;) {
        this.skipNl();
        const p = this.peek();
        if (p.t === "p" && p.v === "]") {
          this.next();
          break;
        }
        items.push(this.value());
        this.skipNl();
        const sep = this.next();
        if (sep.t === "p" && sep.v === "]") break;
        if (sep.t !== "p" || sep.v !== ",") this.fail(sep, "expected `,` or `]`");
      }
      this.depth--;
      return { kind: "list", v: items };
    }
    return this.fail(t, "expected a string or a list");
  }
  /** One `prefix_rule(...)` call: returns positional and keyword arguments. */
  call(): { args: Value[]; kwargs: Map<string, { v: Value; tok: Tok }>; tok: Tok } {
    this.skipNl();
    const name = this.next();
    if (name.t !== "id") this.fail(name, "expected a `prefix_rule(...)` call");
    if (name.v !== "prefix_rule") this.fail(name, `unsupported function \`${name.v}\``);
    this.expect("(");
    const args: Value[] = [];
    const kwargs = new Map<string, { v: Value; tok: Tok }>();
    for (;;) {
      this.skipNl();
      const p = this.peek();
      if (p.t === "p" && p.v === ")") {
        this.next();
        break;
      }
      const after = this.toks[this.i + 1];
      if (p.t === "id" && after?.t === "p" && after.v === "=") {
        this.i += 2;
        if (kwargs.has(p.v)) this.fail(p, `argument \`${p.v}\` given twice`);
        kwargs.set(p.v, { v: this.value(), tok: p });
      } else {
        if (kwargs.size > 0) this.fail(p, "positional argument after keyword argument");
        args.push(this.value());
      }
      this.skipNl();
      const sep = this.next();
      if (sep.t === "p" && sep.v === ")") break;
      if (sep.t !== "p" || sep.v !== ",") this.fail(sep, "expected `,` or `)`");
    }
    const end = this.peek();
    if (end.t !== "nl") this.fail(end, "expected end of line");
    return { args, kwargs, tok: name };
  }
}

const POSITIONAL = ["pattern", "decision", "justification"];
const KEYWORDS = new Set([...POSITIONAL, "match", "not_match"]);

/**
 * Parses the `prefix_rule(pattern, decision, justification)` subset of a Codex `.rules` file.
 * Errors are located (layer `user.rules`); a bad rule does not stop the others. Never throws.
 */
export function parseUserRules(text: string): { rules: UserRule[]; errors: OutcomeError[] } {
  const rules: UserRule[] = [];
  const errors: OutcomeError[] = [];
  const err = (message: string, line: number, column: number): void => {
    errors.push({ code: "rules-invalid", layer: "user.rules", message, line, column });
  };
  let toks: Tok[];
  try {
    toks = lex(typeof text === "string" ? text : "");
  } catch (e) {
    if (e instanceof RulesSyntaxError) err(e.message, e.line, e.column);
    else err(String(e), 1, 1);
    return { rules, errors };
  }
  const p = new Parser(toks);
  while (!p.atEnd()) {
    try {
      const { args, kwargs, tok } = p.call();
      if (args.length > POSITIONAL.length) {
        err("prefix_rule takes at most 3 positional arguments", tok.line, tok.col);
        continue;
      }
      const named = new Map<string, Value>();
      for (const [k, v] of args.entries()) named.set(POSITIONAL[k]!, v);
      let bad = false;
      for (const [k, { v, tok: kt }] of kwargs) {
        if (!KEYWORDS.has(k)) {
          err(`unexpected argument \`${k}\` to prefix_rule`, kt.line, kt.col);
          bad = true;
        } else if (named.has(k)) {
          err(`argument \`${k}\` given twice`, kt.line, kt.col);
          bad = true;
        } else named.set(k, v);
      }
      if (bad) continue;
      const rule = toRule(named, rules.length, tok.line);
      if (typeof rule === "string") err(rule, tok.line, tok.col);
      else rules.push(rule);
    } catch (e) {
      if (e instanceof RulesSyntaxError) err(e.message, e.line, e.column);
      else err(String(e), 1, 1);
      break;
    }
  }
  return { rules, errors };
}

function toRule(named: Map<string, Value>, index: number, line: number): UserRule | string {
  const pat = named.get("pattern");
  if (!pat) return "prefix_rule is missing `pattern`";
  if (pat.kind !== "list" || pat.v.length === 0) return "prefix_rule pattern must be a non-empty list";
  const pattern: string[][] = [];
  for (const el of pat.v) {
    if (el.kind === "str") pattern.push([el.v]);
    else if (el.v.length > 0 && el.v.every((x) => x.kind === "str"))
      pattern.push(el.v.map((x) => x.v as string));
    else return "prefix_rule pattern elements must be strings or non-empty lists of strings";
  }
  const d = named.get("decision");
  let decision: UserDecision = "allow";
  if (d) {
    if (d.kind !== "str") return "prefix_rule decision must be a string";
    if (d.v === "prompt-user") return "prompt-user is only supported in managed command rules";
    if (d.v !== "allow" && d.v !== "prompt" && d.v !== "forbidden") return `unknown decision \`${d.v}\``;
    decision = d.v;
  }
  const j = named.get("justification");
  if (j && (j.kind !== "str" || j.v.trim() === ""))
    return "prefix_rule justification must be a non-empty string";
  return { index, pattern, decision, ...(j && j.kind === "str" ? { justification: j.v } : {}), line };
}
