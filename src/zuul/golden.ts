/**
 * `toGoldenShape`: the resolved layout in the shape of `zuul-jobtrees.json` (see its `_meta.format`):
 * `projects[project][pipeline]` = nodes `{job, voting, branch?, files?, skip-if?, mutex?, queue?, hold?, children?}`
 * and `queues[pipeline]` = `[{name, projects}]`. Object keys sorted; sibling and child order kept. Projects in no
 * pipeline do not appear (Zuul has no tree for them).
 */
import { skipIfRepr } from './jobs.js';
import { byCodePoint } from './queues.js';
import type { JobNode, ResolvedLayout } from './types.js';

export interface GoldenNode {
  branch?: string[];
  children?: GoldenNode[];
  files?: string[];
  hold?: boolean;
  job: string;
  mutex?: string;
  queue?: string;
  'skip-if'?: string;
  voting: boolean;
}

export interface GoldenShape {
  projects: Record<string, Record<string, GoldenNode[]>>;
  queues: Record<string, { name: string; projects: string[] }[]>;
}

/** One node in golden form. Fields are added in sorted key order, so no sorting is needed. */
export function goldenNode(n: JobNode, memo?: Map<JobNode, GoldenNode>): GoldenNode {
  const hit = memo?.get(n);
  if (hit) return hit;
  const g = {} as GoldenNode;
  if (n.branch?.length) g.branch = n.branch;
  if (n.children.length > 0) g.children = n.children.map((c) => goldenNode(c, memo));
  if (n.files?.length) g.files = n.files;
  if (n.hold) g.hold = true;
  g.job = n.job;
  if (n.mutex !== undefined) g.mutex = n.mutex;
  if (n.queueName) g.queue = n.queueName;
  if (n.skipIf) g['skip-if'] = skipIfRepr(n.skipIf);
  g.voting = n.voting;
  memo?.set(n, g);
  return g;
}

export function toGoldenShape(resolved: ResolvedLayout): GoldenShape {
  const projects: GoldenShape['projects'] = {};
  // Leaves are shared between trees; so are their golden forms (the result is read-only data).
  const memo = new Map<JobNode, GoldenNode>();
  for (const name of [...resolved.projects.keys()].sort(byCodePoint)) {
    const pipes = resolved.projects.get(name)!;
    const out: Record<string, GoldenNode[]> = {};
    for (const p of [...pipes.keys()].sort(byCodePoint)) out[p] = pipes.get(p)!.map((n) => goldenNode(n, memo));
    projects[name] = out;
  }
  const queues: GoldenShape['queues'] = {};
  for (const p of [...resolved.queues.keys()].sort(byCodePoint)) {
    queues[p] = resolved.queues.get(p)!.map((q) => ({ name: q.name, projects: q.projects }));
  }
  return { projects, queues };
}
