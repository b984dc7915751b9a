/**
 * Groups a project's Zuul pipelines into PipelineLib pipelines. Zuul pipelines whose translated jobs give the
 * same stages (and that are alike in kind: change vs. post-merge) share one PipelineLib pipeline. Voting and
 * non-voting stages never share one: non-voting stages go to `<name>-non-voting`, whose trigger job Zuul runs
 * with `voting: false`, so a job that does not vote today cannot fail a voting pipeline after migration. Pure.
 */
import type { ParityEntry, StagePlan } from '../convert/types.js';
import type { ProjectStages } from './stages.js';

/** One PipelineLib pipeline to emit, and the Zuul pipelines whose trigger jobs run it. */
export interface PlPipeline {
  name: string;
  voting: boolean;
  zuulPipelines: string[];
  stages: StagePlan[];
  /** `execution` arcs, only when a Zuul child job must wait for its parent */
  execution?: string[][];
  /** Zuul filters every job of this pipeline shares: the trigger job carries them, so they are not lost */
  branch?: string[];
  files?: string[];
}

/** Preferred PipelineLib names by Zuul pipeline; other Zuul pipelines keep their own name. */
export interface PipelineNaming {
  names: { zuul: RegExp; pl: string }[];
  /** Zuul pipelines where PipelineLib allows publish/deploy/promote (its ZUUL_PIPELINE check) */
  publishing: RegExp;
  /** Zuul pipelines that run after merge (ref-updated or change-merged); never grouped with change pipelines */
  postMerge: RegExp;
  nonVotingSuffix: string;
}

export const DEFAULT_NAMING: PipelineNaming = {
  names: [
    { zuul: /^(test|test-prio|gate-and-submit)$/, pl: 'test' },
    { zuul: /^(postmerge|post|publish)$/, pl: 'publish' },
  ],
  publishing: /^(gate-and-submit.*|postmerge|post|publish)$/,
  postMerge: /^(postmerge|post|publish)$/,
  nonVotingSuffix: '-non-voting',
};

const FIRST = ['test', 'test-prio', 'gate-and-submit', 'gate-and-submit-l10n', 'postmerge', 'publish', 'post'];

/** Zuul pipelines in a fixed order: the common ones first, then by name. */
export function orderZuulPipelines(names: Iterable<string>): string[] {
  const rank = (n: string) => {
    const i = FIRST.indexOf(n);
    return i === -1 ? FIRST.length : i;
  };
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

interface Unit {
  zuul: string;
  voting: boolean;
  jobs: string[];
  /** the jobs' Zuul filters, part of the grouping key */
  filters: string[];
}

function unitsOf(entries: readonly ParityEntry[], stages: ProjectStages, zuulOrder: readonly string[]): Unit[] {
  const units: Unit[] = [];
  for (const zuul of zuulOrder) {
    for (const voting of [true, false]) {
      const jobs: string[] = [];
      const filters: string[] = [];
      for (const e of entries) {
        if (e.zuulPipeline !== zuul || e.voting !== voting || !stages.byJob.has(e.job) || jobs.includes(e.job)) continue;
        jobs.push(e.job);
        filters.push(JSON.stringify([e.branch ?? null, e.files ?? null]));
      }
      if (jobs.length) units.push({ zuul, voting, jobs, filters });
    }
  }
  return units;
}

function executionArcs(stageNames: string[], entries: readonly ParityEntry[], stageOf: (job: string) => string | undefined): string[][] | undefined {
  const inPipeline = new Set(stageNames);
  const arcs: string[][] = [];
  const linked = new Set<string>();
  for (const e of entries) {
    if (!e.parent) continue;
    const child = stageOf(e.job);
    const parent = stageOf(e.parent);
    if (!child || !parent || !inPipeline.has(child) || !inPipeline.has(parent)) continue;
    if (arcs.some((a) => a[0] === parent && a[1] === child)) continue;
    arcs.push([parent, child]);
    linked.add(parent).add(child);
  }
  if (!arcs.length) return undefined;
  // A stage left out of `execution` never runs, so every other stage gets an isolated arc.
  for (const s of stageNames) if (!linked.has(s)) arcs.push([s]);
  return arcs;
}

function sharedFilters(filters: readonly string[]): [string[] | undefined, string[] | undefined] {
  if (!filters.length || filters.some((f) => f !== filters[0])) return [undefined, undefined];
  const [branch, files] = JSON.parse(filters[0]!) as [string[] | null, string[] | null];
  return [branch ?? undefined, files ?? undefined];
}

/**
 * @param reserved PipelineLib pipeline names already used by the project's hand-written config
 */
export function groupPipelines(
  entries: readonly ParityEntry[],
  stages: ProjectStages,
  zuulOrder: readonly string[],
  reserved: ReadonlySet<string>,
  naming: PipelineNaming = DEFAULT_NAMING,
): PlPipeline[] {
  const out: (PlPipeline & { key: string })[] = [];
  const taken = (n: string) => reserved.has(n) || out.some((p) => p.name === n);
  for (const u of unitsOf(entries, stages, zuulOrder)) {
    const kind = naming.postMerge.test(u.zuul) ? 'post' : 'change';
    // Same stages *and* same filters: a trigger job shared by several Zuul pipelines can carry only one filter.
    const key = `${kind}|${u.voting}|${u.jobs.join('\n')}|${u.filters.join('\n')}`;
    const same = out.find((p) => p.key === key);
    if (same) {
      same.zuulPipelines.push(u.zuul);
      continue;
    }
    const suffix = u.voting ? '' : naming.nonVotingSuffix;
    const preferred = naming.names.find((n) => n.zuul.test(u.zuul))?.pl ?? u.zuul;
    let name = `${preferred}${suffix}`;
    if (taken(name)) name = `${u.zuul}${suffix}`;
    for (let i = 2; taken(name); i++) name = `${u.zuul}-${i}${suffix}`;
    const plStages = u.jobs.map((j) => stages.byJob.get(j)!.stage);
    const p: PlPipeline & { key: string } = { key, name, voting: u.voting, zuulPipelines: [u.zuul], stages: plStages };
    // A filter every job shares moves to the trigger job (Zuul's `jobs:` entry), where it means the same.
    const [branch, files] = sharedFilters(u.filters);
    if (branch) p.branch = branch;
    if (files) p.files = files;
    const execution = executionArcs(
      plStages.map((s) => s.name),
      entries.filter((e) => e.zuulPipeline === u.zuul),
      (job) => stages.byJob.get(job)?.stage.name,
    );
    if (execution) p.execution = execution;
    out.push(p);
  }
  return out.map(({ key: _key, ...p }) => p);
}
