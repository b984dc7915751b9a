/**
 * Bench phases of the Zuul stage, for `npm run bench` (the runner imports `phases` from every
 * src/bench/phases/*.ts and times each `run()` in order):
 * - `zuul parse`: read + parse the corpus `zuul/layout.yaml` (YAML, typed pipelines, regex checks);
 * - `zuul resolve`: metajobs, templates, job trees of every project, shared queues (uses the parse result);
 * - `zuul parse+resolve`: both from scratch, the figure the issue bounds (well under 0.3 s).
 * The corpus is the runner's (../shared/corpus/integration-config, else the sample corpus/).
 */
import path from 'node:path';
import type { BenchContext, BenchPhase } from '../types.js';
import { loadLayout, type ParsedLayout } from '../../zuul/parse.js';
import { resolveLayout } from '../../zuul/resolve.js';

const layoutOf = (ctx: BenchContext): string => path.join(ctx.corpusRoot, 'zuul', 'layout.yaml');

export const phases: BenchPhase[] = [
  {
    name: 'zuul parse',
    run: (ctx) => {
      ctx.state.set('zuul.parsed', loadLayout(layoutOf(ctx)));
    },
  },
  {
    name: 'zuul resolve',
    run: (ctx) => {
      const parsed = (ctx.state.get('zuul.parsed') as ParsedLayout | undefined) ?? loadLayout(layoutOf(ctx));
      resolveLayout(parsed.layout);
    },
  },
  {
    name: 'zuul parse+resolve',
    run: (ctx) => {
      resolveLayout(loadLayout(layoutOf(ctx)).layout);
    },
  },
];
