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

export function goldenNode(n: JobNode): GoldenNode {
  const g: GoldenNode = { job: n.job, voting: n.voting };
  if (n.branch?.length) g.branch = n.branch;
  if (n.children.length > 0) g.children = n.children.map(goldenNode);
  if (n.files?.length) g.files = n.files;
  if (n.hold) g.hold = true;
  if (n.mutex !== undefined) g.mutex = n.mutex;
  if (n.queueName) g.queue = n.queueName;
  if (n.skipIf) g['skip-if'] = skipIfRepr(n.skipIf);
  return sortKeys(g);
}

function sortKeys<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort(byCodePoint)) out[k] = (o as Record<string, unknown>)[k];
  return out as T;
}

export function toGoldenShape(resolved: ResolvedLayout): GoldenShape {
  const projects: GoldenShape['projects'] = {};
  for (const name of [...resolved.projects.keys()].sort(byCodePoint)) {
    const pipes = resolved.projects.get(name)!;
    const out: Record<string, GoldenNode[]> = {};
    for (const p of [...pipes.keys()].sort(byCodePoint)) out[p] = pipes.get(p)!.map(goldenNode);
    projects[name] = out;
  }
  const queues: GoldenShape['queues'] = {};
  for (const p of [...resolved.queues.keys()].sort(byCodePoint)) {
    queues[p] = resolved.queues.get(p)!.map((q) => ({ name: q.name, projects: q.projects }));
  }
  return { projects, queues };
}
