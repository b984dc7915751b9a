/**
 * Bench phases for conversion, in this process: reading the corpus (JJB and Zuul readers, rules), then the whole
 * batch (every project: translate, emit, validate, write files and reports) into a new directory, as
 * `j2a convert --out <new dir>` does with `--threads 1`. The first phase's result feeds the second, so `convert`
 * times conversion alone.
 *
 * Fair to the file system, as the e2e phases (zz-e2e.ts): each run writes into a new directory after an untimed
 * `sync`, and the directories are removed when the bench exits.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchContext, BenchPhase } from '../types.js';
import type { ConvertInputs, Translate } from '../../convert/inputs.js';
import { readIntegrationConfig } from '../../convert/read.js';
import { schemasDir } from '../../convert/schemas-dir.js';
import { rulesTranslator } from '../../convert/translator.js';
import { convertCorpus, DEFAULT_MARKERS } from '../../run/batch.js';

/** Phases sharing one state object (inputs, translator, output directories), created per call. */
export function convertPhases(): BenchPhase[] {
  const state: { inputs?: ConvertInputs; translate?: Translate; parent?: string; n: number } = { n: 0 };
  const available = (ctx: BenchContext) => (existsSync(path.join(ctx.corpusRoot, 'zuul', 'layout.yaml')) ? true : `needs ${ctx.corpusRoot}/zuul/layout.yaml`);
  return [
    {
      name: 'convert-setup (read JJB + Zuul, load rules)',
      available,
      run: (ctx) => {
        state.inputs = readIntegrationConfig(ctx.corpusRoot);
        state.translate = rulesTranslator().translate;
      },
    },
    {
      name: 'convert (whole corpus: translate, emit, validate, write)',
      available,
      prepare: () => void spawnSync('sync', { stdio: 'ignore' }),
      run: async () => {
        if (!state.inputs || !state.translate) throw new Error('convert: convert-setup did not run');
        if (!state.parent) {
          const parent = (state.parent = mkdtempSync(path.join(tmpdir(), 'j2a-bench-convert-')));
          // removed when the bench exits, not between runs: deleting thousands of files just before the next
          // timed run makes ext4 slow down its writes and would time the cleanup instead of the conversion
          process.once('exit', () => rmSync(parent, { recursive: true, force: true }));
        }
        await convertCorpus(state.inputs, state.translate, {
          out: path.join(state.parent, `out-${state.n++}`),
          projects: [],
          concurrency: 8,
          force: false,
          schemasDir: schemasDir(undefined),
          ...DEFAULT_MARKERS,
        });
      },
    },
  ];
}

export const phases: BenchPhase[] = convertPhases();
