/**
 * Job trees: Zuul 2.5 `add_jobs` and `JobTree.addJob`.
 * - a string adds a job; a dict `{parent: children}` adds the parent and recurses into it;
 * - a nested list is iterated item by item *as Python iterates it*: a string item yields its characters
 *   (one job each), a dict item its keys (parents without children). Reported, since it is almost surely a mistake;
 * - `addJob` reuses the node of the same job at the same level (first position kept, children merged).
 */
import type { Diagnostic } from '../diagnostics.js';
import { zuulDiag } from './codes.js';
import type { JobNode } from './types.js';
import { isDict } from './values.js';

/** A tree level: the root of a pipeline's tree, or a node whose children are being added. */
export interface TreeLevel {
  children: JobNode[];
}

export interface TreeContext {
  /** The node attributes of a job (`job` + the job's attributes), shared and never mutated. */
  attrs: (name: string) => Omit<JobNode, 'children'>;
  diag: (d: Diagnostic) => void;
  where: { file: string; line?: number; repo: string };
  /** Every job name referenced, for the JJB cross-check. */
  seen: (name: string) => void;
}

const NO_WHITESPACE = /^\S+$/;

function addJob(level: TreeLevel, name: string, ctx: TreeContext): TreeLevel {
  // Levels are short (at most a few dozen jobs): a linear scan beats an index per node.
  for (const n of level.children) if (n.job === name) return n;
  if (!NO_WHITESPACE.test(name)) ctx.diag(zuulDiag('zuul-bad-job-name', ctx.where, JSON.stringify(name), { repo: ctx.where.repo }));
  ctx.seen(name);
  const node: JobNode = { ...ctx.attrs(name), children: [] };
  level.children.push(node);
  return node;
}

/** Python iteration of a YAML value: list items, dict keys, string characters. */
function pyIter(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return [...v];
  if (isDict(v)) return Object.keys(v);
  return [];
}

export function addJobs(level: TreeLevel, configJobs: unknown, ctx: TreeContext): void {
  if (configJobs === null || configJobs === undefined) {
    ctx.diag(zuulDiag('zuul-null-tree', ctx.where, undefined, { repo: ctx.where.repo }));
    return;
  }
  for (const job of pyIter(configJobs)) {
    if (typeof job === 'string') {
      addJob(level, job, ctx);
    } else if (Array.isArray(job)) {
      ctx.diag(zuulDiag('zuul-nested-list', ctx.where, JSON.stringify(job), { repo: ctx.where.repo }));
      for (const x of job) addJobs(level, pyIter(x), ctx);
    } else if (isDict(job)) {
      for (const [parent, children] of Object.entries(job)) addJobs(addJob(level, parent, ctx), children, ctx);
    } else {
      // Zuul ignores any other scalar silently (its isinstance checks fall through).
      ctx.diag(zuulDiag('zuul-bad-job-name', ctx.where, `${String(job)} (ignored by Zuul)`, { repo: ctx.where.repo }));
    }
  }
}
