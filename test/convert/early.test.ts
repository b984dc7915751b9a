/**
 * ConvertBatch converts a project as soon as its JJB jobs have all arrived (`j2a convert` feeds it the job
 * slices the helper thread sends). Whatever the arrival order, the run must equal the whole-input run: same
 * files byte for byte, same outcomes, summary and diagnostics in the same order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputsFromGolden, type ConvertInputs, type ConvertJob, type Translate } from '../../src/convert/inputs.js';
import { readIntegrationConfig } from '../../src/convert/read.js';
import { rulesTranslator } from '../../src/convert/translator.js';
import { ConvertBatch, convertCorpus, DEFAULT_MARKERS, type ConvertOptions, type ConvertRun } from '../../src/run/batch.js';
import { hasShared, repoRoot, sharedCorpus, warnIfNoShared } from '../helpers/shared.js';
import { tempDir } from '../helpers/tmp.js';

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (d.isFile()) out.set(path.relative(dir, path.join(d.parentPath, d.name)), readFileSync(path.join(d.parentPath, d.name), 'utf8'));
  }
  return out;
}

const options = (out: string, onProgress?: ConvertOptions['onProgress']): ConvertOptions => ({
  out,
  projects: [],
  concurrency: 4,
  force: false,
  schemasDir: undefined,
  ...DEFAULT_MARKERS,
  onProgress,
});

/** Feeds `order` (the inputs' jobs, rearranged) to a batch in slices, then finishes it; counts early conversions. */
async function early(inputs: ConvertInputs, translate: Translate, order: ConvertJob[], slice: number): Promise<{ run: ConvertRun; out: string; early: number }> {
  const out = path.join(tempDir('j2a-early-'), 'out');
  let progress = 0;
  const batch = new ConvertBatch(inputs, translate, options(out, (done) => (progress = done)));
  for (let i = 0; i < order.length; i += slice) batch.arrived(order.slice(i, i + slice));
  const before = progress;
  return { run: await batch.finish(inputs), out, early: before };
}

/** The run without its plans' object identities (entries are shared by shape): what a reader sees. */
const plain = (run: ConvertRun) => JSON.parse(JSON.stringify({ ...run, outcomes: run.outcomes.map((o) => ('plan' in o ? { ...o, plan: { ...o.plan, files: [...o.plan.files] } } : o)) }));

/** `all`: three arrival orders; else the order `j2a convert` sees (JJB order, slices of 50). */
function checkArrivals(name: string, dir: () => string, all: boolean, skip = false): void {
  it.skipIf(skip)(`gives the whole-input run for ${all ? 'any arrival order' : 'the arrival order of j2a convert'} of the JJB jobs (${name})`, async () => {
    const inputs = readIntegrationConfig(dir());
    const translator = rulesTranslator();
    const wholeOut = path.join(tempDir('j2a-early-'), 'out');
    const whole = await convertCorpus(inputs, translator.translate, options(wholeOut));
    const expected = files(wholeOut);
    const jobs = [...inputs.jobs.values()];
    const orders: [string, ConvertJob[], number][] = [['JJB order, slices of 50', jobs, 50]];
    if (all) orders.push(['reversed, slices of 7', [...jobs].reverse(), 7], ['by name, one by one', [...jobs].sort((a, b) => (a.name < b.name ? -1 : 1)), 1]);
    for (const [label, order, slice] of orders) {
      const r = await early(inputs, translator.translate, order, slice);
      expect(r.early, `${label}: some projects converted before finish`).toBeGreaterThan(0);
      expect(r.early, `${label}: not every project (some need every JJB job known)`).toBeLessThan(inputs.projects.size);
      expect(plain(r.run), label).toEqual(plain(whole));
      const got = files(r.out);
      expect([...got.keys()].sort(), label).toEqual([...expected.keys()].sort());
      for (const [f, text] of expected) expect(got.get(f), `${label}: ${f}`).toBe(text);
    }
  });
}

describe('ConvertBatch: projects converted as their jobs arrive', () => {
  checkArrivals('sample corpus', () => path.join(repoRoot, 'corpus'), true);
  warnIfNoShared('early conversion on the real corpus');
  // one order only: each run writes the whole real corpus (5,000 files)
  checkArrivals('real corpus', () => sharedCorpus, false, !hasShared);

  it('writes nothing before finish into an existing directory (files there are compared, not created blind)', async () => {
    const inputs = readIntegrationConfig(path.join(repoRoot, 'corpus'));
    const out = tempDir('j2a-early-existing-');
    let progress = 0;
    const batch = new ConvertBatch(inputs, rulesTranslator().translate, options(out, (done) => (progress = done)));
    batch.arrived([...inputs.jobs.values()]);
    expect(progress).toBe(0);
    expect(readdirSync(out)).toEqual([]);
    const run = await batch.finish(inputs);
    expect(run.summary.projects).toBe(inputs.projects.size);
  });

  it('reports translation diagnostics in the order of first use by project, not of arrival', async () => {
    const job = (name: string) => JSON.stringify({ name, job: { name } });
    const node = (job: string) => ({ job, voting: true });
    const inputs = inputsFromGolden(['j1', 'j2', 'j3', 'j4'].map(job).join('\n'), { jobs: {}, scripts: {} }, {
      projects: { a: { test: [node('j3'), node('j1')] }, b: { test: [node('j2')] }, c: { test: [node('j1'), node('j4')] } },
    });
    const translate: Translate = (name) => ({
      translation: { job: name, outcome: 'skipped', ruleId: 'r', ruleSource: { file: 'r' }, ecosystem: 'e', losses: [], reason: { code: 'x', message: 'x' } },
      diagnostics: [{ severity: 'warning', code: 'test-diag', message: name }],
    });
    const whole = await convertCorpus(inputs, translate, options(path.join(tempDir('j2a-early-'), 'out')));
    const order = ['j4', 'j2', 'j1', 'j3'].map((n) => inputs.jobs.get(n)!);
    const r = await early(inputs, translate, order, 1);
    expect(r.early).toBe(3);
    const messages = (run: ConvertRun) => run.diagnostics.filter((d) => d.code === 'test-diag').map((d) => d.message);
    expect(messages(whole)).toEqual(['j3', 'j1', 'j2', 'j4']);
    expect(messages(r.run)).toEqual(messages(whole));
  });
});
