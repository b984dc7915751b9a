/**
 * The Zuul side of conversion: `zuul/layout.yaml` parsed and resolved (src/zuul), straight to the trees
 * conversion reads (no detour through the golden `zuul-jobtrees.json` shape): the same trees, orders and fields
 * `inputsFromGolden` reads from that shape.
 */
import path from 'node:path';
import { loadLayout, resolveLayout, undefinedJobDiagnostics } from '../zuul/index.js';
import { skipIfRepr } from '../zuul/jobs.js';
import { byCodePoint } from '../zuul/queues.js';
import type { JobNode, ResolvedLayout } from '../zuul/types.js';
import { byteOrder, type ProjectTrees, type ZuulInputs, type ZuulJobNode } from './inputs.js';

/** The Zuul stages this reads with (an object, so tests and the bench can stand in for them). */
export interface ZuulReaders {
  loadLayout: typeof loadLayout;
  resolveLayout: typeof resolveLayout;
}

export const ZUUL_READERS: ZuulReaders = { loadLayout, resolveLayout };

/** One tree node; `memo` shares the converted form of nodes shared between trees (the result is read-only). */
function zuulNode(n: JobNode, memo: Map<JobNode, ZuulJobNode>): ZuulJobNode {
  const hit = memo.get(n);
  if (hit) return hit;
  const z: ZuulJobNode = { job: n.job, voting: n.voting };
  if (n.branch?.length) z.branch = n.branch;
  if (n.files?.length) z.files = n.files;
  if (n.skipIf) {
    const repr = skipIfRepr(n.skipIf);
    if (repr) z.skipIf = repr;
  }
  if (n.mutex) z.mutex = n.mutex;
  if (n.queueName) z.queue = n.queueName;
  if (n.children.length > 0) z.children = n.children.map((c) => zuulNode(c, memo));
  memo.set(n, z);
  return z;
}

/** Trees and queue sizes of a resolved layout; the JJB cross-check is left for when JJB's job names are known. */
export function zuulInputsFromResolved(resolved: ResolvedLayout): ZuulInputs {
  const memo = new Map<JobNode, ZuulJobNode>();
  const projects = new Map<string, ProjectTrees>();
  for (const name of [...resolved.projects.keys()].sort(byteOrder)) {
    const pipes = resolved.projects.get(name)!;
    const trees: Record<string, ZuulJobNode[]> = {};
    for (const p of [...pipes.keys()].sort(byCodePoint)) trees[p] = pipes.get(p)!.map((n) => zuulNode(n, memo));
    projects.set(name, trees);
  }
  const queueSizes = new Map<string, Map<string, number>>();
  for (const p of [...resolved.queues.keys()].sort(byCodePoint)) {
    const sizes = new Map<string, number>();
    for (const q of resolved.queues.get(p)!) for (const proj of q.projects) sizes.set(proj, q.projects.length);
    queueSizes.set(p, sizes);
  }
  return { projects, queueSizes, diagnostics: [...resolved.diagnostics], undefinedJobs: (names) => undefinedJobDiagnostics(resolved, names) };
}

/** Reads and resolves `<root>/zuul/layout.yaml`. */
export function readZuulInputs(root: string, readers: ZuulReaders = ZUUL_READERS): ZuulInputs {
  const parsed = readers.loadLayout(path.join(root, 'zuul', 'layout.yaml'));
  const zuul = zuulInputsFromResolved(readers.resolveLayout(parsed.layout));
  zuul.diagnostics.unshift(...parsed.diagnostics);
  return zuul;
}
