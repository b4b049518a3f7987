/** Every subcommand, loaded lazily so each owner keeps its code in its own file. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

type Loader = () => Promise<{ command: Command }>;

export const COMMANDS: Record<string, { summary: string; load: Loader }> = {
  resolve: { summary: "Resolve a scenario and print the Outcome", load: () => import("./resolve.js") },
  diff: {
    summary: "Compare the engine with the real Codex binary on a scenario",
    load: () => import("./diff.js"),
  },
  conformance: {
    summary: "Run the conformance corpus against an implementation",
    load: () => import("./conformance.js"),
  },
  corpus: { summary: "Validate the conformance corpus (corpus check)", load: () => import("./corpus.js") },
  fuzz: {
    summary: "Differential fuzzing of the engine against the real binary",
    load: () => import("./fuzz.js"),
  },
  editions: {
    summary: "List the behaviour changes between Codex releases (the editions' data)",
    load: () => import("./editions.js"),
  },
  drift: {
    summary: "What changes for your scenarios between two Codex releases, and which change explains it",
    load: () => import("./drift.js"),
  },
  releases: {
    summary: "Which Codex releases exist on npm, and which of them codex-policy does not model yet",
    load: () => import("./releases.js"),
  },
  lint: {
    summary: "Lint policy files: what Codex refuses, ignores or does to users, located and coded",
    load: () => import("./lint.js"),
  },
  impact: {
    summary: "Who gains or loses what when a policy changes, over a roster of people and machines",
    load: () => import("./impact.js"),
  },
  init: {
    summary: "Scaffold a policy repository: example policy, passing tests, CI workflow, pre-commit",
    load: () => import("./init.js"),
  },
  test: {
    summary: "Run a policy repository's scenario tests, with policy coverage",
    load: () => import("./test.js"),
  },
  tui: { summary: "Open the interactive simulator", load: () => import("./tui.js") },
  schema: {
    summary: "Print the JSON Schema of requirements.toml, managed_config.toml, scenarios, cases or outcomes",
    load: () => import("./schema.js"),
  },
};
