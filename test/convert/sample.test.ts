/**
 * reports/sample/ is the committed output of `npm start` (`j2a convert corpus --out reports/sample`). This test
 * fails when it is out of date: regenerate with `npm start` and review the diff like code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIntegrationConfig } from '../../src/convert/read.js';
import { rulesTranslator } from '../../src/convert/translator.js';
import { schemasDir } from '../../src/convert/schemas-dir.js';
import { convertCorpus, DEFAULT_MARKERS } from '../../src/run/batch.js';
import { hasShared, repoRoot } from '../helpers/shared.js';
import { tempDir } from '../helpers/tmp.js';

const sample = path.join(repoRoot, 'reports/sample');

function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

describe('reports/sample', () => {
  it('is what `npm start` produces from corpus/ today', async () => {
    expect(existsSync(sample), 'reports/sample missing: run npm start').toBe(true);
    const out = tempDir('j2a-sample-');
    const inputs = readIntegrationConfig(path.join(repoRoot, 'corpus'));
    await convertCorpus(inputs, rulesTranslator().translate, { out, projects: [], concurrency: 8, force: false, schemasDir: schemasDir(undefined), ...DEFAULT_MARKERS });
    // Without ../shared the summary says `validation: structural`; everything else must match byte for byte.
    const skip = (f: string) => !hasShared && f.startsWith('summary.');
    const got = listFiles(out).filter((f) => !skip(f));
    expect(got).toEqual(listFiles(sample).filter((f) => !skip(f)));
    for (const f of got) expect(readFileSync(path.join(out, f), 'utf8'), `${f} is out of date: run npm start`).toBe(readFileSync(path.join(sample, f), 'utf8'));
  });
});
