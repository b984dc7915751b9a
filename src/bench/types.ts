/** The contract between `npm run bench` (run.ts) and the phase files in src/bench/phases/. */

export interface BenchContext {
  /** repository root */
  repoRoot: string;
  /** the corpus being benchmarked (shared/corpus/integration-config, else the sample corpus/) */
  corpusRoot: string;
  /** true when the corpus is the shared one */
  shared: boolean;
  /** results handed from one phase to the next within a run (e.g. loaded YAML to the expander) */
  state: Map<string, unknown>;
}

/** One timed step. Phases of all files run in file-name order, then in array order, once per run. */
export interface BenchPhase {
  name: string;
  /** false (with a reason) to skip, e.g. when the corpus lacks the needed input */
  available?(ctx: BenchContext): true | string;
  /** untimed, before each run of the phase */
  prepare?(ctx: BenchContext): void;
  run(ctx: BenchContext): void | Promise<void>;
}

/** What each src/bench/phases/*.ts file exports. */
export interface BenchPhaseModule {
  phases: BenchPhase[];
}
