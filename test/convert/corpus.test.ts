/**
 * The whole real corpus (golden shapes of ../shared): every Zuul job node is exactly one report entry, every
 * emitted file passes the reference schemas (compiled here independently of src/), and two runs give the
 * same bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { hasShared, goldenDir, sharedCorpus, warnIfNoShared } from '../helpers/shared.js';
import { readIntegrationConfig } from '../../src/convert/read.js';
import { convertGolden, goldenInputs, schemasDir } from './golden.js';
import type { ConvertRun } from '../../src/run/batch.js';
import type { ParityEntry } from '../../src/convert/types.js';
import { tempDir } from '../helpers/tmp.js';

warnIfNoShared('conversion corpus tests');

interface Node {
  job: string;
  children?: Node[];
}

function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => /\.(ya?ml|json|md)$/.test(f)).sort();
}

describe.skipIf(!hasShared)('conversion of the real corpus', () => {
  let out: string;
  let run: ConvertRun;
  beforeAll(async () => {
    out = tempDir('j2a-corpus-');
    run = await convertGolden(goldenInputs(), out);
  });

  it('has one report entry per Zuul job node (42,560), none unmatched either way', () => {
    const trees = JSON.parse(readFileSync(path.join(goldenDir, 'zuul-jobtrees.json'), 'utf8')) as { projects: Record<string, Record<string, Node[]>> };
    const expected: string[] = [];
    const walk = (project: string, pipeline: string, nodes: Node[], parent: string) => {
      for (const n of nodes) {
        expected.push(`${project}\t${pipeline}\t${n.job}\t${parent}`);
        walk(project, pipeline, n.children ?? [], n.job);
      }
    };
    for (const [project, pipelines] of Object.entries(trees.projects)) for (const [p, nodes] of Object.entries(pipelines)) walk(project, p, nodes, '');
    expect(expected).toHaveLength(42560);
    const got: string[] = [];
    for (const o of run.outcomes) {
      expect('plan' in o, `${o.project} failed`).toBe(true);
      if (!('plan' in o)) continue;
      // read back the written report: what a reviewer gets
      const report = JSON.parse(readFileSync(path.join(out, 'reports', `${o.project}.json`), 'utf8')) as { project: string; entries: Omit<ParityEntry, 'project'>[]; status: string };
      for (const e of report.entries) got.push(`${report.project}\t${e.zuulPipeline}\t${e.job}\t${e.parent ?? ''}`);
    }
    expect(got.sort()).toEqual(expected.sort());
    expect(run.summary.entries).toBe(42560);
    expect(run.summary.failed).toEqual([]);
  });

  it('leaves no entry unmatched by a rule and no Zuul job undefined', () => {
    const unmatched = run.outcomes.flatMap((o) =>
      'plan' in o ? o.plan.result.entries.filter((e) => e.reason?.code === 'rule-no-match' || e.reason?.code === 'job-undefined').map((e) => `${o.project} ${e.job}`) : [],
    );
    expect(unmatched).toEqual([]);
  });

  it('gives every entry exactly one outcome, with a reason when it is not translated', () => {
    for (const o of run.outcomes) {
      if (!('plan' in o)) continue;
      for (const e of o.plan.result.entries) {
        if (e.outcome === 'unsupported' || e.outcome === 'skipped') expect(e.reason?.code, `${o.project} ${e.job}`).toBeTruthy();
        if (e.outcome === 'partial') expect(e.losses.length, `${o.project} ${e.job}`).toBeGreaterThan(0);
        if (e.plPipeline) expect(['translated', 'partial']).toContain(e.outcome);
      }
    }
  });

  it('writes only files that pass the reference schemas, each config with its Blubber file', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const schema = (f: string) => {
      const s = JSON.parse(readFileSync(path.join(schemasDir, f), 'utf8'));
      delete s.$schema;
      return ajv.compile(s);
    };
    const config = schema('pipelinelib-pipelines.v0.schema.json');
    const blubber = schema('blubber-config.v4.schema.json');
    const configs = files(path.join(out, 'repos')).filter((f) => f.endsWith('.pipeline/config.yaml'));
    expect(configs.length).toBe(run.outcomes.filter((o) => 'plan' in o && o.plan.files.size > 0).length);
    for (const f of configs) {
      const dir = path.join(out, 'repos', path.dirname(f));
      const cfg = load(readFileSync(path.join(dir, 'config.yaml'), 'utf8')) as { pipelines: Record<string, { blubberfile: string; stages: { build: string }[] }> };
      expect(config(cfg), `${f}: ${JSON.stringify(config.errors)}`).toBe(true);
      const text = readFileSync(path.join(dir, 'blubber.yaml'), 'utf8');
      expect(text.startsWith('# syntax=docker-registry.wikimedia.org/repos/releng/blubber/buildkit:')).toBe(true);
      const bb = load(text) as { variants: Record<string, unknown> };
      expect(blubber(bb), `${f}: ${JSON.stringify(blubber.errors)}`).toBe(true);
      for (const p of Object.values(cfg.pipelines)) {
        expect(p.blubberfile).toBe('blubber.yaml');
        for (const s of p.stages) expect(bb.variants, `${f} ${s.build}`).toHaveProperty([s.build]);
      }
    }
    const bugs = run.outcomes.flatMap((o) => ('plan' in o ? o.plan.result.diagnostics.filter((d) => d.severity === 'error') : []));
    expect(bugs).toEqual([]);
  });

  it('is deterministic: a second run into a fresh directory gives identical bytes', async () => {
    const out2 = tempDir('j2a-corpus-');
    await convertGolden(goldenInputs(), out2);
    const a = files(out);
    expect(files(out2)).toEqual(a);
    for (const f of a) expect(readFileSync(path.join(out2, f), 'utf8'), f).toBe(readFileSync(path.join(out, f), 'utf8'));
  });

  it('gives the same entries from the real JJB/Zuul readers as from the golden shapes', async () => {
    const viaReaders = await convertGolden(readIntegrationConfig(sharedCorpus), tempDir('j2a-corpus-'));
    const key = (r: ConvertRun) =>
      r.outcomes.flatMap((o) => ('plan' in o ? o.plan.result.entries.map((e) => JSON.stringify([o.project, e.zuulPipeline, e.job, e.outcome, e.losses, e.plPipeline, e.stage])) : []));
    expect(key(viaReaders)).toEqual(key(run));
    expect(viaReaders.summary.byStatus).toEqual(run.summary.byStatus);
  });
});
