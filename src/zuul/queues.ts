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
  const queueNames: (string[] | undefined)[] = [];
  const walk = (nodes: JobNode[], i: number): void => {
    for (let k = 0; k < nodes.length; k++) {
      const n = nodes[k]!;
      if (n.queueName) {
        const names = (queueNames[i] ??= []);
        if (!names.includes(n.queueName)) names.push(n.queueName);
      }
      if (n.job !== NOOP) {
        const o = owner.get(n.job);
        if (o === undefined) owner.set(n.job, i);
        else {
          const a = find(o);
          const b = find(i);
          // Keep the smaller index as root: the queue of the alphabetically first project.
          if (a < b) parent[b] = a;
          else if (b < a) parent[a] = b;
        }
      }
      if (n.children.length > 0) walk(n.children, i);
    }
  };
  for (let i = 0; i < projects.length; i++) walk(trees.get(projects[i]!)!, i);

  const members = new Map<number, number[]>();
  for (let i = 0; i < projects.length; i++) {
    const r = find(i);
    const list = members.get(r);
    if (list) list.push(i);
    else members.set(r, [i]);
  }
  const queues: ChangeQueue[] = [];
  // Map keys are in first-seen order, which is ascending root index since each root is its smallest member.
  for (const idx of members.values()) {
    const names = new Set<string>();
    for (const i of idx) for (const q of queueNames[i] ?? []) names.add(q);
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
