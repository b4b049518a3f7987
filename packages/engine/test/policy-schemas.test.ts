import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Edition, ScenarioSchema } from "@codex-policy/spec";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parse } from "smol-toml";
import { afterAll, describe, expect, it } from "vitest";
import {
  editionSpec,
  type JsonSchema,
  managedConfigSchemaRanges,
  policySchema,
  policySchemaFiles,
  requirementSchemaRanges,
  resolve,
  unrecognizedKeys,
} from "../src/index.js";
import {
  PROFILES_WITHOUT_DEFAULT,
  profileExtendsUndefined,
  profileExtendsUnsupported,
  profileInheritanceCycle,
  profilePathNotAbsolute,
} from "../src/messages.js";

const root = join(import.meta.dirname, "..", "..", "..");
const work = mkdtempSync(join(tmpdir(), "codex-policy-schemas-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Doc = Record<string, unknown>;
const isTable = (v: unknown): v is Doc => typeof v === "object" && v !== null && !Array.isArray(v);

/** Every requirements and managed_config document the corpus and the examples carry. */
function policyTexts(): { requirements: Set<string>; managed: Set<string> } {
  const requirements = new Set<string>();
  const managed = new Set<string>();
  const files = ["conformance/cases", "examples"].flatMap((d) =>
    readdirSync(join(root, d), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".toml"))
      .map((f) => join(root, d, f)),
  );
  for (const file of files) {
    const c = parse(readFileSync(file, "utf8")) as Doc;
    // A corpus case, or a scenario file of examples/ (a policy file there reads as neither).
    const scenarios = [c, c.scenario, ...((c.tests as Doc[]) ?? []).map((t) => t.scenario)];
    for (const s of scenarios.filter(isTable)) {
      const sys = isTable(s.system) ? s.system : {};
      const cloud = isTable(s.cloud) ? s.cloud : {};
      const mdm = isTable(s.mdm) ? s.mdm : {};
      for (const t of [
        sys.requirements,
        cloud.default,
        ...((cloud.rules as Doc[]) ?? []).map((r) => r.requirements),
      ])
        if (typeof t === "string") requirements.add(t);
      if (typeof mdm.requirements_toml_base64 === "string")
        requirements.add(Buffer.from(mdm.requirements_toml_base64, "base64").toString("utf8"));
      if (typeof sys.managed_config === "string") managed.add(sys.managed_config);
    }
  }
  requirements.add(readFileSync(join(root, "examples/policy-repo/policies/requirements.toml"), "utf8"));
  requirements.add(readFileSync(join(root, "examples/lint/requirements.toml"), "utf8"));
  return { requirements, managed };
}

/** Refusals for the keys or the types of values, as opposed to what the values mean together. */
const KEY_OR_TYPE = new Set([
  "invalid-type",
  "unknown-variant",
  "unknown-field",
  "missing-field",
  "duplicate-field",
  "mcp-identity-invalid",
  "config-invalid",
  "unknown-feature-requirement",
]);
/**
 * Refusals that depend on the other files too: which profile applies, which the user config can
 * decide. Each message's variable parts are matched by anything.
 */
const PROFILE_CHOICE: readonly RegExp[] = [
  PROFILES_WITHOUT_DEFAULT,
  profileExtendsUnsupported("\0", "\0"),
  profileExtendsUndefined("\0", "\0"),
  profileInheritanceCycle(["\0"]),
  profilePathNotAbsolute("\0"),
].map((m) => new RegExp(`^${m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replaceAll("\0", ".*")}$`));
const dependsOnProfileChoice = (message: string): boolean => PROFILE_CHOICE.some((r) => r.test(message));
/** Warnings that a key of the document itself goes unread. */
const UNREAD = new Set(["unrecognized-settings", "unknown-feature-requirement"]);

interface Agreement {
  accepted: number;
  rejected: number;
  disagreements: string[];
}

/**
 * Holds the schema of each release range against the engine, for the first and the last release of
 * every range: a document the engine loads, reading every key, must validate; one it refuses for a
 * key or a type must not.
 */
function agreement(
  kind: "requirements" | "managed-config",
  texts: Iterable<string>,
  schemaFor: (minor: number) => JsonSchema,
): Agreement {
  const ranges = kind === "requirements" ? requirementSchemaRanges() : managedConfigSchemaRanges();
  const editions = [...new Set(ranges.flatMap((r) => [r[0]!.id, r.at(-1)!.id]))];
  const ajv = new Ajv({ strict: false });
  addFormats(ajv);
  const out: Agreement = { accepted: 0, rejected: 0, disagreements: [] };
  const layer = kind === "requirements" ? "system.requirements" : "system.managed_config";
  for (const edition of editions) {
    const release = editionSpec(edition);
    const validate = ajv.compile(schemaFor(Number(edition.split(".")[1])));
    for (const text of texts) {
      let doc: Doc;
      try {
        doc = parse(text) as Doc;
      } catch {
        continue;
      }
      const system = kind === "requirements" ? { requirements: text } : { managed_config: text };
      const o = resolve(ScenarioSchema.parse({ system }), edition as Edition);
      const unread =
        kind === "requirements"
          ? unrecognizedKeys("requirements", doc as never, release)
          : [
              ...unrecognizedKeys("config", doc as never, release),
              ...Object.keys(doc).filter((k) => release.ignoredConfigKeys.includes(k)),
            ];
      const valid = validate(doc);
      const first = o.errors[0];
      if (o.status === "ok" && unread.length === 0 && !o.warnings.some((w) => UNREAD.has(w.code))) {
        out.accepted++;
        if (!valid) out.disagreements.push(`${edition} accepts, the schema does not: ${text}`);
      } else if (
        o.status === "refused" &&
        KEY_OR_TYPE.has(first!.code) &&
        first!.layer === layer &&
        !dependsOnProfileChoice(first!.message)
      ) {
        out.rejected++;
        if (valid)
          out.disagreements.push(`${edition} refuses (${first!.code}), the schema does not: ${text}`);
      }
    }
  }
  return out;
}

const texts = policyTexts();

describe("the policy file schemas agree with the engine on every corpus and example document", () => {
  it("requirements.toml: what a release loads validates, what it refuses for a key or a type does not", () => {
    const a = agreement("requirements", texts.requirements, (m) => policySchema("requirements", m)!);
    expect(a.disagreements).toEqual([]);
    expect(a.accepted).toBeGreaterThan(5000);
    expect(a.rejected).toBeGreaterThan(2000);
  });

  it("managed_config.toml: the same", () => {
    const a = agreement("managed-config", texts.managed, (m) => policySchema("managed-config", m)!);
    expect(a.disagreements).toEqual([]);
    expect(a.accepted).toBeGreaterThan(200);
    expect(a.rejected).toBeGreaterThan(20);
  });

  it("the check can fail: a schema that forgets a spelling disagrees", () => {
    const a = agreement("requirements", texts.requirements, (m) => {
      const s = structuredClone(policySchema("requirements", m)!) as { properties: Record<string, Doc> };
      if (s.properties.allowed_sandbox_modes)
        s.properties.allowed_sandbox_modes = { type: "array", items: { enum: ["read-only"] } };
      return s;
    });
    expect(a.disagreements.length).toBeGreaterThan(0);
  });
});

describe("schemas/ holds the generated schemas (pnpm schemas)", () => {
  it("one file per release range of each kind, each current", () => {
    const files = policySchemaFiles();
    const dir = join(root, "schemas");
    const onDisk = readdirSync(dir, { recursive: true })
      .map((f) => String(f).split("\\").join("/"))
      .filter((f) => f.endsWith(".schema.json"))
      .sort();
    expect(onDisk).toEqual(files.map((f) => f.path).sort());
    for (const f of files)
      expect(readFileSync(join(dir, f.path), "utf8"), f.path).toBe(`${JSON.stringify(f.schema, null, 2)}\n`);
  });

  it("--codex picks the range: 0.130 reads requirements like 0.124, not like 0.123", () => {
    const title = (m: number) => policySchema("requirements", m)!.title;
    expect(title(130)).toBe(title(124));
    expect(title(123)).not.toBe(title(124));
    expect(policySchema("requirements", 76)).toBeNull();
    const keys = (m: number) => Object.keys(policySchema("requirements", m)!.properties as Doc);
    expect(keys(123)).not.toContain("hooks");
    expect(keys(124)).toContain("hooks");
    expect(keys(92)).not.toContain("rules");
    expect(keys(93)).toContain("rules");
  });
});

describe("Taplo, a real TOML tool, validates policy files against the schemas", () => {
  const taplo = join(import.meta.dirname, "..", "node_modules", ".bin", "taplo");
  const check = (schema: string, text: string) => {
    const file = join(work, `f${Math.random().toString(36).slice(2)}.toml`);
    writeFileSync(file, text);
    const r = spawnSync(
      taplo,
      ["check", "--schema", pathToFileURL(join(root, "schemas", schema)).href, file],
      {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", RUST_LOG: "error" },
      },
    );
    return { code: r.status, out: `${r.stdout}${r.stderr}` };
  };

  it("passes the example policy and a managed config", () => {
    const example = readFileSync(join(root, "examples/policy-repo/policies/requirements.toml"), "utf8");
    expect(check("requirements.schema.json", example)).toMatchObject({ code: 0 });
    expect(
      check("managed-config.schema.json", 'approval_policy = "on-request"\nsandbox_mode = "read-only"\n')
        .code,
    ).toBe(0);
  });

  it("fails an unknown key, a bad enum value and a wrong type, naming the key", () => {
    const unknown = check("requirements.schema.json", 'allowed_approval_policys = ["never"]\n');
    expect(unknown.code).not.toBe(0);
    expect(unknown.out).toContain("allowed_approval_policys");
    const value = check("requirements.schema.json", 'allowed_sandbox_modes = ["read-only", "full-access"]\n');
    expect(value.code).not.toBe(0);
    expect(value.out).toContain('"full-access" is not one of');
    const type = check("requirements.schema.json", 'allow_managed_hooks_only = "yes"\n');
    expect(type.code).not.toBe(0);
    expect(type.out).toMatch(/allow_managed_hooks_only|"yes" is not of type "boolean"/);
    const managed = check("managed-config.schema.json", 'sandbox_mode = "sandboxed"\n');
    expect(managed.code).not.toBe(0);
    expect(managed.out).toContain('"sandboxed" is not one of');
  });

  it("the .taplo.toml of docs/editor.md associates the files with their schemas", () => {
    const doc = readFileSync(join(root, "docs/editor.md"), "utf8");
    const config = /```toml\n(\[\[rule\]\][\s\S]*?)```/.exec(doc)![1]!;
    const repo = mkdtempSync(join(work, "repo-"));
    mkdirSync(join(repo, "schemas"));
    for (const f of ["requirements.schema.json", "managed-config.schema.json"])
      copyFileSync(join(root, "schemas", f), join(repo, "schemas", f));
    writeFileSync(join(repo, ".taplo.toml"), config);
    mkdirSync(join(repo, "etc"));
    writeFileSync(join(repo, "etc/requirements.toml"), 'allowed_web_search_modes = ["cached"]\n');
    writeFileSync(join(repo, "etc/team.requirements.toml"), 'allowed_web_search_modes = ["bogus"]\n');
    writeFileSync(join(repo, "etc/managed_config.toml"), 'web_search = "sometimes"\n');
    const run = (file: string) =>
      spawnSync(taplo, ["check", file], {
        cwd: repo,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
    expect(run("etc/requirements.toml").status).toBe(0);
    expect(run("etc/team.requirements.toml").stderr + run("etc/team.requirements.toml").stdout).toContain(
      '"bogus" is not one of',
    );
    expect(run("etc/managed_config.toml").status).not.toBe(0);
  });

  it("per release: 0.123 does not read [hooks], 0.124 does", () => {
    const hooks = '[hooks]\nmanaged_dir = "/etc/codex/hooks"\n';
    expect(check("requirements/codex-0.123.schema.json", hooks).out).toContain("hooks");
    expect(check("requirements/codex-0.123.schema.json", hooks).code).not.toBe(0);
    expect(check("requirements/codex-0.124-0.130.schema.json", hooks).code).toBe(0);
  });
});
