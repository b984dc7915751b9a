/**
 * Bench phases for conversion, in this process: reading the corpus (JJB and Zuul readers, rules), then the whole
 * batch (every project: translate, emit, validate, write files and reports) into a new directory, as
 * `j2a convert --out <new dir>` does with `--threads 1`. The first phase's result feeds the second, so `convert`
 * times conversion alone. Each run writes a new directory after an untimed `sync` (../output-dirs.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BenchContext, BenchPhase } from '../types.js';
import type { ConvertInputs, Translate } from '../../convert/inputs.js';
import { readIntegrationConfig } from '../../convert/read.js';
import { schemasDir } from '../../convert/schemas-dir.js';
import { rulesTranslator } from '../../convert/translator.js';
import { convertCorpus, DEFAULT_MARKERS } from '../../run/batch.js';
import { outputDirs } from '../output-dirs.js';

const dirs = outputDirs('j2a-bench-convert-');
const available = (ctx: BenchContext) => (existsSync(path.join(ctx.corpusRoot, 'zuul', 'layout.yaml')) ? true : `needs ${ctx.corpusRoot}/zuul/layout.yaml`);

export const phases: BenchPhase[] = [
  {
    name: 'convert-setup (read JJB + Zuul, load rules)',
    available,
    run: (ctx) => {
      ctx.state.set('convert.inputs', readIntegrationConfig(ctx.corpusRoot));
      ctx.state.set('convert.translate', rulesTranslator().translate);
    },
  },
  {
    name: 'convert (whole corpus: translate, emit, validate, write)',
    available,
    prepare: dirs.syncFirst,
    run: async (ctx) => {
      const inputs = ctx.state.get('convert.inputs') as ConvertInputs | undefined;
      const translate = ctx.state.get('convert.translate') as Translate | undefined;
      if (!inputs || !translate) throw new Error('convert: convert-setup did not run');
      await convertCorpus(inputs, translate, {
        out: dirs.next(),
        projects: [],
        concurrency: 8,
        force: false,
        schemasDir: schemasDir(undefined),
        ...DEFAULT_MARKERS,
      });
    },
  },
];
