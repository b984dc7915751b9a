/**
 * Bench phases for conversion: the whole real corpus (every project: translate, emit, validate, write files and
 * reports into a fresh directory). Inputs come from the golden shapes in ../shared until the JJB/Zuul readers
 * are wired; reading them and loading the rules is its own phase, so `convert` times conversion alone.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchPhase } from '../types.js';
import { REPO_ROOT } from '../../repo-root.js';
import { inputsFromGolden, type ConvertInputs, type Translate } from '../../convert/inputs.js';
import { rulesTranslator } from '../../convert/translator.js';
import { convertCorpus, DEFAULT_MARKERS } from '../../run/batch.js';


const shared = path.resolve(REPO_ROOT, '..', 'shared');

/** Phases sharing one state object (inputs, translator, output directory), created per call. */
export function convertPhases(): BenchPhase[] {
  const state: { inputs?: ConvertInputs; translate?: Translate; out?: string } = {};
  const golden = path.join(shared, 'golden');
  const available = () => existsSync(golden) || `needs ${golden} (conversion is timed on the golden job dicts and trees)`;
  return [
    {
      name: 'convert-setup (read golden shapes, load rules)',
      available,
      run: () => {
        if (!existsSync(golden)) return;
        const read = (f: string) => readFileSync(path.join(golden, f), 'utf8');
        state.inputs = inputsFromGolden(read('jjb-expanded-jobdicts.jsonl'), JSON.parse(read('jjb-expanded-jobs.json')), JSON.parse(read('zuul-jobtrees.json')));
        state.translate = rulesTranslator().translate;
        state.out = mkdtempSync(path.join(tmpdir(), 'j2a-bench-convert-'));
        // Removed when the bench exits, not between runs: deleting thousands of files just before the next
        // timed run makes ext4 slow down its writes and would time the cleanup instead of the conversion.
        const out = state.out;
        process.once('exit', () => rmSync(out, { recursive: true, force: true }));
      },
    },
    {
      name: 'convert (whole corpus: translate, emit, validate, write)',
      available,
      run: async () => {
        if (!state.inputs || !state.translate || !state.out) {
          console.warn(`convert: skipped, ${golden} not found`);
          return;
        }
        await convertCorpus(state.inputs, state.translate, {
          out: state.out,
          projects: [],
          concurrency: 8,
          force: false,
          schemasDir: path.join(shared, 'reference', 'schemas'),
          ...DEFAULT_MARKERS,
        });
      },
    },
  ];
}

export const phases: BenchPhase[] = convertPhases();
