import type { TimelineRow } from "@codex-policy/engine";
import type { Edition, Outcome, Scenario } from "@codex-policy/spec";
import { EDITIONS } from "@codex-policy/spec";
import { type BuiltScenario, buildScenario } from "./model/build-scenario.js";
import { type Action, reducer } from "./model/reducer.js";
import { type ResultRow, resultRows } from "./model/result-rows.js";
import type { State } from "./model/state.js";

/** The engine entry point: `resolve` from @codex-policy/engine. Injected so tests and the bench share it. */
export type Resolver = (scenario: Scenario, edition: Edition) => Outcome;
/** The engine's `releaseTimeline`: the scenario's key fields across releases. Injected like the resolver. */
export type Timeline = (scenario: Scenario) => TimelineRow[];

export interface Derived {
  built: BuiltScenario;
  outcome: Outcome;
  rows: ResultRow[];
}

/**
 * Holds the reducer state outside React and memoizes the engine's answer for the current scenario.
 * Views subscribe and read; they never compute enforcement.
 */
export class Store {
  private state: State;
  private listeners = new Set<() => void>();
  private cacheKey: unknown[] = [];
  private cachedBuilt: BuiltScenario | null = null;
  private outcomes = new Map<Edition, Outcome>();
  private derivedCache: Derived | null = null;
  private timelineCache: TimelineRow[] | null = null;

  constructor(
    initial: State,
    private readonly resolver: Resolver,
    private readonly timeliner?: Timeline,
  ) {
    this.state = initial;
  }

  getState = (): State => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  dispatch = (action: Action): void => {
    const next = reducer(this.state, action);
    if (next === this.state) return;
    this.state = next;
    // Resolve here, before the views are told, so rendering only reads the memoized outcome.
    this.derived();
    for (const fn of this.listeners) fn();
  };

  private built(): BuiltScenario {
    const s = this.state;
    const key = [s.layers, s.context, s.edition, s.description, s.cloudSection];
    if (this.cachedBuilt && key.every((k, i) => k === this.cacheKey[i])) return this.cachedBuilt;
    this.cacheKey = key;
    this.cachedBuilt = buildScenario(s);
    this.outcomes.clear();
    this.derivedCache = null;
    this.timelineCache = null;
    return this.cachedBuilt;
  }

  /** The engine's outcome for the current scenario under an edition (memoized per scenario). */
  outcomeFor(edition: Edition): Outcome {
    const built = this.built();
    let o = this.outcomes.get(edition);
    if (!o) {
      // The engine never throws: any failure comes back as a refused Outcome.
      o = this.resolver(built.scenario, edition);
      this.outcomes.set(edition, o);
    }
    return o;
  }

  derived(): Derived {
    const built = this.built();
    if (this.derivedCache && this.derivedCache.outcome === this.outcomes.get(this.state.edition)) {
      return this.derivedCache;
    }
    const outcome = this.outcomeFor(this.state.edition);
    this.derivedCache = { built, outcome, rows: resultRows(outcome) };
    return this.derivedCache;
  }

  /** The releases view: key fields across every published release (memoized per scenario). */
  timeline(): TimelineRow[] {
    const built = this.built();
    if (!this.timelineCache) this.timelineCache = this.timeliner ? this.timeliner(built.scenario) : [];
    return this.timelineCache;
  }

  /** Both editions, for the comparison view: `documented` on the left, `codex-0.169` on the right. */
  editions(): [Outcome, Outcome] {
    const [a, b] = [EDITIONS[1], EDITIONS[0]] as [Edition, Edition];
    return [this.outcomeFor(a), this.outcomeFor(b)];
  }
}
