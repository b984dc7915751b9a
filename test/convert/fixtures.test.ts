/**
 * Fixture cases (test/fixtures/translate/<case>/): input JJB job dicts + a Zuul tree -> every file
 * `j2a convert` writes for the project. UPDATE=1 rewrites expected/.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputsFromGolden, type ConvertInputs } from '../../src/convert/inputs.js';
import { rulesTranslator } from '../../src/convert/translator.js';
import { convertCorpus, DEFAULT_MARKERS } from '../../src/run/batch.js';
import { repoRoot, sharedDir } from '../helpers/shared.js';
import { tempDir } from '../helpers/tmp.js';

const root = path.join(repoRoot, 'test/fixtures/translate');
const cases = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const schemas = path.join(sharedDir, 'reference', 'schemas');

interface FixtureZuul {
  project: string;
  pipelines: Record<string, unknown[]>;
  queues?: Record<string, number>;
}

function fixtureInputs(dir: string): ConvertInputs {
  const jobs = JSON.parse(readFileSync(path.join(dir, 'input/jobs.json'), 'utf8')) as { name: string; template?: string; job: object }[];
  const zuul = JSON.parse(readFileSync(path.join(dir, 'input/zuul.json'), 'utf8')) as FixtureZuul;
  const jsonl = jobs.map((j) => JSON.stringify({ name: j.name, job: j.job })).join('\n');
  const summary = { jobs: Object.fromEntries(jobs.map((j) => [j.name, j.template ? { template: j.template } : {}])), scripts: {} };
  const queues = Object.fromEntries(
    Object.entries(zuul.queues ?? {}).map(([p, n]) => [p, [{ name: 'q', projects: [zuul.project, ...Array.from({ length: n - 1 }, (_, i) => `other-${i}`)] }]]),
  );
  return inputsFromGolden(jsonl, summary, { projects: { [zuul.project]: zuul.pipelines }, queues });
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .filter((f) => !f.startsWith('summary.'))
    .sort();
}

describe('conversion fixtures', () => {
  const translate = rulesTranslator().translate;
  for (const name of cases) {
    it(name, async () => {
      const dir = path.join(root, name);
      const out = tempDir(`j2a-fixture-${name}-`);
      // the schemas make no difference to the files, only to the summary, which is not compared
      await convertCorpus(fixtureInputs(dir), translate, { out, projects: [], concurrency: 1, force: false, schemasDir: existsSync(schemas) ? schemas : undefined, ...DEFAULT_MARKERS });
      const expected = path.join(dir, 'expected');
      if (process.env.UPDATE) {
        rmSync(expected, { recursive: true, force: true });
        for (const f of listFiles(out)) cpSync(path.join(out, f), path.join(expected, f));
      }
      const got = listFiles(out);
      expect(got).toEqual(listFiles(expected));
      for (const f of got) expect(readFileSync(path.join(out, f), 'utf8'), f).toBe(readFileSync(path.join(expected, f), 'utf8'));
    });
  }
});
