/**
 * The contract between translation (src/rules/, rules/*.yaml) and emission/reporting (src/emit/, src/report/,
 * src/convert/). Plain data only.
 */
import type { Diagnostic, SourceLocation } from '../diagnostics.js';

/** Outcome of one (project, Zuul pipeline, job) entry. Exactly one per entry. */
export type Outcome = 'translated' | 'partial' | 'unsupported' | 'already-migrated' | 'skipped';

/** Closed vocabulary of what a `partial` translation loses. Extend here (and document) only. */
export const LOSSES = {
  cache: 'CI cache volumes (castor, /cache) are not reproduced',
  artifacts: 'archived build artifacts are not kept',
  'test-reports': 'test report publishing (junit/xunit/clover) is lost',
  notifications: 'e-mail/IRC notifications are not sent',
  timeout: 'the job timeout exceeds the 20-minute PipelineLib run limit',
  credentials: 'credentials other than SONAR_API_KEY are not allowed in PipelineLib',
  'cross-repo': 'cross-repository dependencies (other repositories cloned at the same ref) are lost',
  'branch-filter': 'the Zuul branch filter is not expressible per stage',
  'files-filter': 'the Zuul files filter is not expressible per stage',
  mutex: 'the Zuul mutex (one build at a time) is lost',
  'shared-queue': 'the shared dependent gate queue (speculative merging with other repositories) is lost',
  'node-label': 'the dedicated Jenkins node label is not available',
  'parameter-function': 'build parameters set by Zuul parameter functions must be reproduced by hand',
  'post-build': 'post-build steps (teardown, postbuildscript) are not reproduced',
  'skip-if': 'the Zuul skip-if matcher (skip when only some files change) is not expressible per stage',
  'extra-steps': 'further container runs sharing the job workspace (e.g. a SonarQube analysis of the build) are not reproduced',
} as const;
export type Loss = keyof typeof LOSSES;

/** Project status, derived from its entries. */
export type ProjectStatus = 'migrated' | 'convertible' | 'partial' | 'blocked' | 'archived';

/** A Blubber variant fragment as emitted by a rule (after {{group}} substitution). */
export interface VariantPlan {
  name: string;
  base: string;
  /** Blubber builder config, e.g. { python: {...} } / { php: {...} } / { node: {...} } / { builder: {...} } */
  builders?: Record<string, unknown>[];
  /** any other v4 variant keys (lives, runs, apt, copies, includes, ...) */
  extra?: Record<string, unknown>;
  /** `[]` keeps the base image's ENTRYPOINT: Blubber sets one only for a non-empty list (config/variant.go) */
  entrypoint: string[];
}

/** A PipelineLib stage fragment as emitted by a rule. */
export interface StagePlan {
  name: string;
  /** variant to build; the shorthand `build: <variant>` */
  build: string;
  run: true | { arguments?: string[]; env?: Record<string, string>; credentials?: { id: string; name: string }[] };
}

/** The translation of one Jenkins job (independent of which project runs it). */
export interface JobTranslation {
  job: string;
  outcome: Outcome;
  /** the rule that matched; every job matches exactly one rule (first wins) */
  ruleId: string;
  ruleSource: SourceLocation;
  ecosystem: string;
  losses: Loss[];
  /** for unsupported/skipped/already-migrated: a code and one sentence */
  reason?: { code: string; message: string };
  stage?: StagePlan;
  variant?: VariantPlan;
  /** PipelineLib pipeline the stage belongs to by default ('test', 'publish'...) when the rule says so */
  pipelineHint?: string;
  /** values the rule captured ({{groups}}), for reports */
  captures?: Record<string, string>;
}

/**
 * One (project, Zuul pipeline, job) entry of the parity report. The project is the report's (`ProjectResult`):
 * projects with the same trees share their entries.
 */
export interface ParityEntry {
  /** Zuul pipeline name (test, gate-and-submit, postmerge, ...) */
  zuulPipeline: string;
  job: string;
  voting: boolean;
  /** Zuul per-job filters as written (regex lists) */
  branch?: string[];
  files?: string[];
  skipIf?: string;
  parent?: string;
  outcome: Outcome;
  losses: Loss[];
  reason?: { code: string; message: string };
  ruleId?: string;
  /** the PipelineLib pipeline and stage that reproduce it */
  plPipeline?: string;
  stage?: string;
}

export interface ProjectResult {
  project: string;
  status: ProjectStatus;
  /** read-only: shared with every project of the same shape (convert/project.ts) */
  entries: readonly ParityEntry[];
  diagnostics: Diagnostic[];
}
