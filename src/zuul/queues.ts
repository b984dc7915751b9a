/**
 * Shared change queues of a dependent pipeline (Zuul 2.5 `DependentPipelineManager.buildChangeQueues`).
 * Zuul starts one queue per project (projects sorted by name), then merges queues that share a job until nothing
 * changes; Wikimedia's patch ignores the job `noop` when comparing. The fixpoint is the connected components of
 * "shares a job other than noop", and each resulting queue keeps the position of its alphabetically first
 * project, so a union-find over job names gives the same queues in the same order in linear time.
 * Name: the `queue-name` of any job in the queue, else the sorted project names joined by ", ".
 */
import type { Diagnostic } from '../diagnostics.js';
import { zuulDiag } from './codes.js';
import type { ChangeQueue, JobNode } from './types.js';

const NOOP = 'noop';

function collectJobs(nodes: JobNode[], out: Map<string, JobNode>): void {
  for (const n of nodes) {
    out.set(n.job, n);
    collectJobs(n.children, out);
  }
}

export function buildChangeQueues(
  trees: Map<string, JobNode[]>,
  where: { file: string; line?: number; pipeline: string },
  diags: Diagnostic[],
): ChangeQueue[] {
  // Default sort compares UTF-16 code units: Python's order for these (BMP) names.
  const projects = [...trees.keys()].sort();
  const parent = projects.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const owner = new Map<string, number>();
  const jobsOf: Map<string, JobNode>[] = [];
  projects.forEach((p, i) => {
    const jobs = new Map<string, JobNode>();
    collectJobs(trees.get(p)!, jobs);
    jobsOf.push(jobs);
    for (const job of jobs.keys()) {
      if (job === NOOP) continue;
      const o = owner.get(job);
      if (o === undefined) owner.set(job, i);
      else {
        const a = find(o);
        const b = find(i);
        // Keep the smaller index as root: the queue of the alphabetically first project.
        if (a !== b) a < b ? (parent[b] = a) : (parent[a] = b);
      }
    }
  });
  const members = new Map<number, number[]>();
  projects.forEach((_, i) => {
    const r = find(i);
    const list = members.get(r);
    if (list) list.push(i);
    else members.set(r, [i]);
  });
  const queues: ChangeQueue[] = [];
  for (const root of [...members.keys()].sort((a, b) => a - b)) {
    const idx = members.get(root)!;
    const names = new Set<string>();
    for (const i of idx) for (const n of jobsOf[i]!.values()) if (n.queueName) names.add(n.queueName);
    const memberNames = idx.map((i) => projects[i]!);
    const assigned = [...names].sort(byCodePoint);
    if (assigned.length > 1) {
      diags.push(zuulDiag('zuul-queue-name-conflict', where, `${where.pipeline}: ${assigned.join(' != ')}`));
    }
    queues.push({ name: assigned[0] ?? memberNames.join(', '), projects: memberNames });
  }
  return queues;
}

/** Python's default string order (code points); equal to UTF-16 order for the names in layouts. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
