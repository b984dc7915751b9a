/** Converts the golden corpus shapes (../shared/golden) into a directory, for the corpus tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inputsFromGolden, type ConvertInputs } from '../../src/convert/inputs.js';
import { rulesTranslator } from '../../src/convert/translator.js';
import { convertCorpus, DEFAULT_MARKERS, type ConvertRun } from '../../src/run/batch.js';
import { goldenDir, sharedDir } from '../helpers/shared.js';

export function goldenInputs(): ConvertInputs {
  const read = (f: string) => readFileSync(path.join(goldenDir, f), 'utf8');
  return inputsFromGolden(read('jjb-expanded-jobdicts.jsonl'), JSON.parse(read('jjb-expanded-jobs.json')), JSON.parse(read('zuul-jobtrees.json')));
}

export const schemasDir = path.join(sharedDir, 'reference', 'schemas');

export async function convertGolden(inputs: ConvertInputs, out: string): Promise<ConvertRun> {
  return convertCorpus(inputs, rulesTranslator().translate, { out, projects: [], concurrency: 8, force: false, schemasDir, ...DEFAULT_MARKERS });
}
