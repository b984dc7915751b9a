/**
 * Job trees: Zuul 2.5 `add_jobs` and `JobTree.addJob`.
 * - a string adds a job; a dict `{parent: children}` adds the parent and recurses into it;
 * - a nested list is iterated item by item *as Python iterates it*: a string item yields its characters
 *   (one job each), a dict item its keys (parents without children). Reported, since it is almost surely a mistake;
 * - `addJob` reuses the node of the same job at the same level (first position kept, children merged).
 */
import type { Diagnostic } from '../diagnostics.js';
import { zuulDiag, type ZuulCode } from './codes.js';
import type { JobNode } from './types.js';
import { isDict } from './values.js';

/** A tree level: the root of a pipeline's tree, or a node whose children are being added. */
export interface TreeLevel {
  children: JobNode[];
}

export interface TreeContext {
  /**
   * The job's shared, frozen leaf node (no children); a node that gets children is copied first. The first
   * request for a name also checks it (whitespace, JJB), once per job rather than once per node.
   */
  leaf: (name: string) => JobNode;
  diag: (d: Diagnostic) => void;
  /** Where the tree is written; computed only when a diagnostic needs it. */
  where: () => { file: string; line?: number; repo: string };
}

export function diag(ctx: TreeContext, code: ZuulCode, detail?: string): void {
  const where = ctx.where();
  ctx.diag(zuulDiag(code, where, detail, { repo: where.repo }));
}

/**
 * Adds (or finds) `name` at this level. Leaves are shared between all trees, which saves most of the
 * allocations (42,560 nodes, 4 with children, in the corpus); `forChildren` returns a private copy to grow.
 */
function addJob(level: TreeLevel, name: string, ctx: TreeContext, forChildren: boolean): TreeLevel {
  // Levels are short (at most a few dozen jobs): a linear scan beats an index per node.
  const nodes = level.children;
  let i = 0;
  while (i < nodes.length && nodes[i]!.job !== name) i++;
  if (i === nodes.length) {
    nodes.push(ctx.leaf(name));
  }
  const node = nodes[i]!;
  if (!forChildren || !Object.isFrozen(node)) return node;
  const own: JobNode = { ...node, children: [] };
  nodes[i] = own;
  return own;
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
    diag(ctx, 'zuul-null-tree');
    return;
  }
  for (const job of pyIter(configJobs)) {
    if (typeof job === 'string') {
      addJob(level, job, ctx, false);
    } else if (Array.isArray(job)) {
      diag(ctx, 'zuul-nested-list', JSON.stringify(job));
      for (const x of job) addJobs(level, pyIter(x), ctx);
    } else if (isDict(job)) {
      const keys = Object.keys(job);
      if (keys.length > 1) diag(ctx, 'zuul-multi-key-tree-dict', keys.join(', '));
      for (const [parent, children] of Object.entries(job)) addJobs(addJob(level, parent, ctx, true), children, ctx);
    } else {
      // Zuul ignores any other scalar silently (its isinstance checks fall through).
      diag(ctx, 'zuul-bad-job-name', `${String(job)} (ignored by Zuul)`);
    }
  }
}
