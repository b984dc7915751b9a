/**
 * Bench phases of the Zuul stage, for `npm run bench` (the runner imports `phases` from every
 * src/bench/phases/*.ts and times each `run()` in order).
 *
 * Exports: `phases: {name: string; run: () => unknown}[]`:
 * - `zuul parse`: read + parse the corpus `zuul/layout.yaml` (YAML, typed pipelines, regex checks);
 * - `zuul resolve`: metajobs, templates, job trees of every project, shared queues (uses the parse result);
 * - `zuul parse+resolve`: both from scratch, the figure the issue bounds (well under 0.3 s).
 * The corpus is `$J2A_CORPUS` or `../shared/corpus/integration-config` beside the repository.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLayout, type ParsedLayout } from '../../zuul/parse.js';
import { resolveLayout } from '../../zuul/resolve.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const corpus = process.env['J2A_CORPUS'] ?? path.resolve(repoRoot, '..', 'shared', 'corpus', 'integration-config');
const layoutFile = path.join(corpus, 'zuul', 'layout.yaml');

let parsed: ParsedLayout | undefined;

function summary(r: ReturnType<typeof resolveLayout>): string {
  const queues = [...r.queues.values()].reduce((n, q) => n + q.length, 0);
  return `${r.projects.size} projects, ${queues} queues, ${r.diagnostics.length} diagnostics`;
}

export const phases: { name: string; run: () => unknown }[] = [
  {
    name: 'zuul parse',
    run: () => {
      parsed = loadLayout(layoutFile);
      return `${parsed.layout.projects.length} project entries, ${parsed.diagnostics.length} diagnostics`;
    },
  },
  {
    name: 'zuul resolve',
    run: () => summary(resolveLayout((parsed ?? loadLayout(layoutFile)).layout)),
  },
  {
    name: 'zuul parse+resolve',
    run: () => summary(resolveLayout(loadLayout(layoutFile).layout)),
  },
];
