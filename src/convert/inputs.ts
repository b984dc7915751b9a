/**
 * The one place where conversion meets its inputs: expanded JJB jobs, resolved Zuul job trees and the
 * translator. Everything downstream reads only `ConvertInputs`, so switching from the golden shapes to the
 * real loaders (src/jjb loadJjb/expandJobs, src/zuul loadLayout/resolveLayout) changes this file only.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { ExpandedJob, YamlMap } from '../jjb/types.js';
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

/** Translates one expanded job; called once per job name (the batch memoises it). */
export type Translate = (job: ExpandedJob) => JobTranslation;

export interface ConvertInputs {
  /** expanded JJB jobs by name (Zuul job name = Jenkins job name) */
  jobs: ReadonlyMap<string, ExpandedJob>;
  /** Gerrit project -> its trees, in byte order of project names */
  projects: ReadonlyMap<string, ProjectTrees>;
  /** dependent pipeline -> project -> number of projects in its shared change queue */
  queueSizes: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** names of JJB `project:` items (emitted JJB project names must not collide) */
  jjbProjectNames: ReadonlySet<string>;
  diagnostics: Diagnostic[];
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

/**
 * Builds inputs from the golden formats (jjb-expanded-jobdicts.jsonl text and parsed zuul-jobtrees.json).
 * Used by tests and the bench until the real readers land; the data itself is never copied into the repo.
 */
export function inputsFromGolden(jobdictsJsonl: string, jobtrees: unknown): ConvertInputs {
  const jobs = new Map<string, ExpandedJob>();
  for (const line of jobdictsJsonl.split('\n')) {
    if (!line) continue;
    const rec = JSON.parse(line) as { name: string; job: YamlMap };
    jobs.set(rec.name, { name: rec.name, job: rec.job, source: { file: 'jjb' } });
  }
  const tree = jobtrees as {
    projects: Record<string, Record<string, GoldenNode[]>>;
    queues?: Record<string, { name: string; projects: string[] }[]>;
  };
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
  const jjbProjectNames = new Set<string>();
  for (const j of jobs.values()) if (j.project) jjbProjectNames.add(j.project);
  return { jobs, projects, queueSizes, jjbProjectNames, diagnostics: [] };
}

/** Byte order (what `LC_ALL=C sort` gives), independent of locale. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
