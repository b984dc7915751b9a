/**
 * The one place where conversion meets its inputs: the facts of the expanded JJB jobs, the resolved Zuul job
 * trees and the translator. Everything downstream reads only `ConvertInputs`. The readers live beside this
 * file: read-jjb.ts (JJB -> job facts, runnable in a helper thread) and resolved.ts (Zuul layout -> trees);
 * read.ts joins them. The golden shapes (--from-golden, tests) are read here.
 */
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import type { YamlMap } from '../jjb/types.js';
import { jobFacts } from '../rules/facts.js';
import type { JobFacts } from '../rules/types.js';
import type { JobTranslation } from './types.js';

/** One node of a Zuul job tree (the shape of golden zuul-jobtrees.json, `skip-if` renamed). */
export interface ZuulJobNode {
  job: string;
  voting: boolean;
  branch?: string[];
  files?: string[];
  /** Zuul's matcher printed as a string */
  skipIf?: string;
  mutex?: string;
  /** the job's queue-name, if any */
  queue?: string;
  children?: ZuulJobNode[];
}

/** Zuul pipeline name -> top-level nodes, for one project. */
export type ProjectTrees = Readonly<Record<string, readonly ZuulJobNode[]>>;

/**
 * A JJB job as conversion reads it: the facts the rules match (src/rules/facts.ts, read from the pre- and
 * post-macro job dicts) and where the job is defined. Plain data: it crosses thread boundaries.
 */
export interface ConvertJob {
  name: string;
  facts: JobFacts;
  source: SourceLocation;
}

/**
 * Translates one Zuul job name; `job` is undefined when JJB does not define it (Zuul's `noop`). Called once per
 * name (the batch memoises it). `translation` undefined: no rule matched (the diagnostics say so).
 */
export type Translate = (name: string, job: ConvertJob | undefined) => { translation: JobTranslation | undefined; diagnostics: Diagnostic[] };

export interface ConvertInputs {
  /** expanded JJB jobs by name (Zuul job name = Jenkins job name) */
  jobs: ReadonlyMap<string, ConvertJob>;
  /** Gerrit project -> its trees, in byte order of project names */
  projects: ReadonlyMap<string, ProjectTrees>;
  /** dependent pipeline -> project -> number of projects in its shared change queue */
  queueSizes: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** names of JJB `project:` items (emitted JJB project names must not collide) */
  jjbProjectNames: ReadonlySet<string>;
  diagnostics: Diagnostic[];
}

/** What the JJB side contributes (read-jjb.ts). */
export interface JjbInputs {
  /** in JJB order; a later duplicate name is ignored */
  jobs: ConvertJob[];
  /** names of JJB `project:` items */
  projectNames: string[];
  diagnostics: Diagnostic[];
}

/** What the Zuul side contributes (resolved.ts). */
export interface ZuulInputs {
  projects: Map<string, ProjectTrees>;
  queueSizes: Map<string, Map<string, number>>;
  diagnostics: Diagnostic[];
  /** the JJB cross-check, run once the JJB job names are known */
  undefinedJobs: (jjbJobNames: ReadonlySet<string>) => Diagnostic[];
}

/** Joins both sides; diagnostics in reading order (JJB, then Zuul, then the cross-check). */
export function assembleInputs(jjb: JjbInputs, zuul: ZuulInputs): ConvertInputs {
  const jobs = new Map<string, ConvertJob>();
  for (const j of jjb.jobs) if (!jobs.has(j.name)) jobs.set(j.name, j);
  const diagnostics = [...jjb.diagnostics, ...zuul.diagnostics, ...zuul.undefinedJobs(new Set(jobs.keys()))];
  return { jobs, projects: zuul.projects, queueSizes: zuul.queueSizes, jjbProjectNames: new Set(jjb.projectNames), diagnostics };
}

interface GoldenNode {
  job: string;
  voting: boolean;
  branch?: string[];
  files?: string[];
  'skip-if'?: string;
  mutex?: string;
  queue?: string;
  children?: GoldenNode[];
}

function toNode(g: GoldenNode): ZuulJobNode {
  const n: ZuulJobNode = { job: g.job, voting: g.voting };
  if (g.branch) n.branch = g.branch;
  if (g.files) n.files = g.files;
  if (g['skip-if']) n.skipIf = g['skip-if'];
  if (g.mutex) n.mutex = g.mutex;
  if (g.queue) n.queue = g.queue;
  if (g.children?.length) n.children = g.children.map(toNode);
  return n;
}

interface GoldenSummary {
  jobs: Record<string, { template?: string; builders?: Record<string, unknown>[]; publishers?: unknown[]; wrappers?: unknown[] }>;
  scripts: Record<string, string>;
}

/** The post-macro dict from jjb-expanded-jobs.json (`@N` shell references resolved), and the template name. */
function fromSummary(s: GoldenSummary['jobs'][string] | undefined, scripts: GoldenSummary['scripts']): { expanded: YamlMap; template?: string } {
  const builders = (s?.builders ?? []).map((b) =>
    typeof b.shell === 'string' && b.shell.startsWith('@') ? { shell: scripts[b.shell.slice(1)] ?? '' } : b,
  );
  const expanded = { builders, publishers: s?.publishers ?? [], wrappers: s?.wrappers ?? [] } as unknown as YamlMap;
  // JJB records `{template-name}` for plain jobs
  const template = s?.template && s.template !== '{template-name}' ? s.template : undefined;
  return template ? { expanded, template } : { expanded };
}

/**
 * Builds inputs from the golden formats (jjb-expanded-jobdicts.jsonl text, parsed jjb-expanded-jobs.json and
 * zuul-jobtrees.json). Used by tests, the bench and `--from-golden` until the real readers land; the data itself
 * is never copied into the repository.
 */
export function inputsFromGolden(jobdictsJsonl: string, jobsSummary: unknown, jobtrees: unknown): ConvertInputs {
  const summary = jobsSummary as GoldenSummary;
  const jobs: ConvertJob[] = [];
  for (const line of jobdictsJsonl.split('\n')) {
    if (!line) continue;
    const rec = JSON.parse(line) as { name: string; job: YamlMap };
    const source = { file: 'jjb' };
    jobs.push({ name: rec.name, facts: jobFacts({ name: rec.name, job: rec.job, ...fromSummary(summary.jobs[rec.name], summary.scripts), source }), source });
  }
  return inputsFromShapes(jobs, jobtrees as TreeShape, new Set(), []);
}

/** Zuul trees in the golden shape (zuul-jobtrees.json, what src/zuul toGoldenShape() returns). */
interface TreeShape {
  projects: Record<string, Record<string, GoldenNode[]>>;
  queues?: Record<string, { name: string; projects: string[] }[]>;
}

function inputsFromShapes(jobList: readonly ConvertJob[], tree: TreeShape, jjbProjectNames: ReadonlySet<string>, diagnostics: Diagnostic[]): ConvertInputs {
  const jobs = new Map<string, ConvertJob>();
  for (const j of jobList) if (!jobs.has(j.name)) jobs.set(j.name, j);
  const projects = new Map<string, ProjectTrees>();
  for (const name of Object.keys(tree.projects).sort(byteOrder)) {
    const trees: Record<string, ZuulJobNode[]> = {};
    for (const [pipeline, nodes] of Object.entries(tree.projects[name] ?? {})) trees[pipeline] = nodes.map(toNode);
    projects.set(name, trees);
  }
  const queueSizes = new Map<string, Map<string, number>>();
  for (const [pipeline, queues] of Object.entries(tree.queues ?? {})) {
    const sizes = new Map<string, number>();
    for (const q of queues) for (const p of q.projects) sizes.set(p, q.projects.length);
    queueSizes.set(pipeline, sizes);
  }
  return { jobs, projects, queueSizes, jjbProjectNames, diagnostics };
}

/** Byte order (what `LC_ALL=C sort` gives), independent of locale. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
