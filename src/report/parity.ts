/**
 * Parity entries: one per (project, Zuul pipeline, job node), children included, with the outcome of the
 * job's translation plus the Zuul-side losses the tree adds. Pure.
 */
import type { JobTranslation, Loss, Outcome, ParityEntry, ProjectStatus } from '../convert/types.js';
import { LOSSES } from '../convert/types.js';
import type { ProjectTrees, ZuulJobNode } from '../convert/inputs.js';

/**
 * Everything entry collection needs to know about one project besides its trees. The project's name is not in
 * it: entries are shared by every project with the same trees and queue membership (convert/project.ts).
 */
export interface EntryContext {
  /** memoised translation of a job name; undefined when no rule matched */
  translationOf: (job: string) => JobTranslation | undefined;
  /** whether JJB defines the job */
  defined: (job: string) => boolean;
  /** whether the project shares its change queue in this (dependent) pipeline with other projects */
  sharedQueue: (pipeline: string) => boolean;
  /** Zuul-internal job that never reaches Jenkins (skipped even when no rule names it) */
  noopJob: string;
}

const LOSS_ORDER = Object.keys(LOSSES) as Loss[];

/** Losses in vocabulary order, without duplicates. */
export function sortLosses(losses: Iterable<Loss>): Loss[] {
  const set = new Set(losses);
  return LOSS_ORDER.filter((l) => set.has(l));
}

/**
 * What Zuul does for this node that a PipelineLib stage cannot: per-job filters, mutexes, and the speculative
 * shared gate queue. The parameter function is not added here: only the rule knows whether a job reads the
 * parameters it sets (EXT_DEPENDENCIES...), so `parameter-function` comes from the translation.
 */
function zuulLosses(node: ZuulJobNode, sharedQueue: boolean): Loss[] {
  const losses: Loss[] = [];
  if (node.branch?.length) losses.push('branch-filter');
  if (node.files?.length) losses.push('files-filter');
  if (node.skipIf) losses.push('skip-if');
  if (node.mutex) losses.push('mutex');
  if (sharedQueue) losses.push('shared-queue');
  return losses;
}

function entryFor(ctx: EntryContext, pipeline: string, node: ZuulJobNode, parent: string | undefined): ParityEntry {
  const base: ParityEntry = { zuulPipeline: pipeline, job: node.job, voting: node.voting, outcome: 'skipped', losses: [] };
  if (node.branch) base.branch = node.branch;
  if (node.files) base.files = node.files;
  if (node.skipIf) base.skipIf = node.skipIf;
  if (parent) base.parent = parent;
  const t = ctx.translationOf(node.job);
  if (!t) {
    if (ctx.defined(node.job)) {
      base.outcome = 'unsupported';
      base.reason = { code: 'rule-no-match', message: 'no translation rule matches the job' };
      return base;
    }
    if (node.job === ctx.noopJob) {
      base.reason = { code: 'zuul-noop', message: 'noop is internal to Zuul: it succeeds at once and runs no CI' };
      return base;
    }
    base.outcome = 'unsupported';
    base.reason = { code: 'job-undefined', message: 'the Zuul job is not defined in JJB' };
    return base;
  }
  base.ruleId = t.ruleId;
  if (t.reason) base.reason = t.reason;
  let outcome: Outcome = t.outcome;
  let losses = t.losses;
  if (outcome === 'translated' || outcome === 'partial') {
    losses = sortLosses([...t.losses, ...zuulLosses(node, ctx.sharedQueue(pipeline))]);
    if (losses.length) outcome = 'partial';
  }
  base.outcome = outcome;
  base.losses = [...losses];
  return base;
}

/** Entries in pipeline order (as given), tree order, each parent before its children. */
export function collectEntries(ctx: EntryContext, trees: ProjectTrees, pipelines: readonly string[]): ParityEntry[] {
  const out: ParityEntry[] = [];
  const walk = (pipeline: string, nodes: readonly ZuulJobNode[], parent: string | undefined): void => {
    for (const node of nodes) {
      out.push(entryFor(ctx, pipeline, node, parent));
      if (node.children) walk(pipeline, node.children, node.job);
    }
  };
  for (const p of pipelines) walk(p, trees[p] ?? [], undefined);
  return out;
}

/** Project status from its entries (see docs/report-schema.md). */
export function projectStatus(entries: readonly ParityEntry[], archivedMarker: string): ProjectStatus {
  if (entries.length > 0 && entries.every((e) => e.job === archivedMarker)) return 'archived';
  if (entries.some((e) => e.outcome === 'unsupported')) return 'blocked';
  if (entries.some((e) => e.outcome === 'partial')) return 'partial';
  const migrated = entries.some((e) => e.outcome === 'already-migrated');
  if (migrated && entries.every((e) => e.outcome === 'already-migrated' || e.outcome === 'skipped')) return 'migrated';
  return 'convertible';
}
