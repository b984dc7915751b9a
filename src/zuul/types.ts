/** The Zuul v2 layout as written (`Layout`) and as resolved by Zuul 2.5 (`ResolvedLayout`). */
import type { Diagnostic } from '../diagnostics.js';
import type { PyRegex, PyRegexCache } from './pyregex.js';

export type PipelineManager = 'IndependentPipelineManager' | 'DependentPipelineManager';

/** An approval condition: Gerrit labels (lower-cased, spaces as `-`) with accepted values, plus who/when. */
export interface ApprovalSpec {
  labels: Record<string, number[]>;
  username?: string;
  email?: string;
  olderThan?: string;
  newerThan?: string;
}

/** One `trigger: gerrit:` filter: keys ANDed, list values ORed. Regexes are Python sources. */
export interface GerritTriggerFilter {
  events: string[];
  branches: string[];
  refs: string[];
  ignoreDeletes: boolean;
  /** Votes the event itself must carry: label -> value. */
  approvals: Record<string, number>;
  comments: string[];
  emails: string[];
  usernames: string[];
  requireApprovals: ApprovalSpec[];
  rejectApprovals: ApprovalSpec[];
  line?: number;
}

export interface ChangeRequirements {
  approvals: ApprovalSpec[];
  open?: boolean;
  currentPatchset?: boolean;
  statuses: string[];
}

/** Reporter actions as written, e.g. `{gerrit: {verified: 2, submit: true}}`. */
export type ReporterConfig = Record<string, unknown>;

export interface Pipeline {
  name: string;
  manager: PipelineManager;
  description?: string;
  source?: string;
  precedence: 'low' | 'normal' | 'high';
  triggers: { gerrit: GerritTriggerFilter[]; timer: string[]; zuul: unknown[] };
  require?: ChangeRequirements;
  reject?: { approvals: ApprovalSpec[] };
  reporters: { start?: ReporterConfig; success?: ReporterConfig; failure?: ReporterConfig; mergeFailure?: ReporterConfig; disabled?: ReporterConfig };
  messages: { success?: string; failure?: string; mergeFailure?: string; footer?: string };
  dequeueOnNewPatchset: boolean;
  ignoreDependencies: boolean;
  window: { size: number; floor: number; increaseType: string; increaseFactor: number; decreaseType: string; decreaseFactor: number };
  line?: number;
}

/** An entry of the `jobs:` section (literal name or `^` metajob), keys as written. */
export interface JobEntry {
  name: string;
  raw: Record<string, unknown>;
  line?: number;
}

export interface ProjectTemplate {
  name: string;
  /** pipeline name -> job tree as written; only keys naming defined pipelines. */
  pipelines: Map<string, unknown>;
  line?: number;
}

export interface TemplateCall {
  name: string;
  /** The call's other keys, used as `str.format` parameters. */
  params: Record<string, unknown>;
  line?: number;
}

export interface ProjectEntry {
  name: string;
  templates: TemplateCall[];
  mergeMode: string;
  /** pipeline name -> job tree as written (own entries only). */
  pipelines: Map<string, unknown>;
  line?: number;
}

export interface Layout {
  file: string;
  includes: { pythonFile: string }[];
  pipelines: Pipeline[];
  jobs: JobEntry[];
  templates: ProjectTemplate[];
  projects: ProjectEntry[];
  /** Line lookup for scalars (job names) after a container's line; for diagnostics only. */
  findLine: (fromLine: number | undefined, needle: string) => number | undefined;
  /** Compiled regexes, shared by the parse and resolve stages (one compile per distinct source). */
  regexes: PyRegexCache;
}

/** One `skip-if` entry: all given fields must match. */
export interface SkipIfEntry {
  project?: string;
  branch?: string;
  allFilesMatchAny?: string[];
}

/** Compiled per-job filters (Zuul `Job.changeMatches`). */
export interface JobFilters {
  branches: PyRegex[];
  files: PyRegex[];
  skipIf?: { project?: PyRegex; branch?: PyRegex; allFiles?: PyRegex[] }[];
}

/** A Zuul job after metajobs and `jobs:` entries; global, the same in every project and pipeline. */
export interface ZuulJob {
  name: string;
  voting: boolean;
  hold: boolean;
  branch?: string[];
  files?: string[];
  skipIf?: SkipIfEntry[];
  mutex?: string;
  queueName?: string;
  successMessage?: string;
  failureMessage?: string;
  successPattern?: string;
  failurePattern?: string;
  parameterFunction?: string;
  tags: string[];
  swift: Record<string, unknown>;
  filters: JobFilters;
}

/**
 * A node of a project's job tree: the job's attributes, plus the jobs that start after it succeeds.
 * Nodes are immutable: leaves are frozen objects shared by every tree that lists the job, and a tree that comes
 * from templates alone is one frozen array shared by the projects using the same templates.
 */
export interface JobNode extends Omit<ZuulJob, 'name'> {
  job: string;
  children: JobNode[];
}

/** pipeline name -> ordered top-level nodes. */
export type ProjectPipelines = Map<string, JobNode[]>;

export interface ChangeQueue {
  name: string;
  projects: string[];
}

export interface ResolvedLayout {
  layout: Layout;
  /** Projects in at least one pipeline, in file order. */
  projects: Map<string, ProjectPipelines>;
  /** Projects listed in `projects:` but in no pipeline. */
  idleProjects: string[];
  jobs: Map<string, ZuulJob>;
  /** Dependent pipeline name -> shared change queues. */
  queues: Map<string, ChangeQueue[]>;
  /** Each tree job name -> the project whose tree uses it first (for the JJB cross-check). */
  firstUses: Map<string, ProjectEntry>;
  diagnostics: Diagnostic[];
}
