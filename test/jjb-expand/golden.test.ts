/**
 * The expander against real JJB 4.3.0 on the shared corpus (shared/golden, see its README):
 * names, every job dict byte-for-byte in generation order, and every shell builder text after
 * macro expansion (top-level builders and postbuildscript build-steps).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandJobs } from '../../src/jjb/expand.js';
import { loadJjb } from '../../src/jjb/load.js';
import { expandMacros } from '../../src/jjb/macros.js';
import { toPyJson } from '../../src/jjb/pyjson.js';
import type { YamlValue } from '../../src/jjb/types.js';
import { goldenDir, hasShared, sharedCorpus, warnIfNoShared } from '../helpers/shared.js';

warnIfNoShared('JJB expander golden test');

const scriptId = (text: string): string => `@${createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 16)}`;

interface GoldenJob {
  parameters?: string[];
  publishers?: string[];
  builders?: Array<Record<string, unknown>>;
  'publisher-details'?: Array<{ builders?: Array<Record<string, unknown>> }>;
}

/** A builder as the golden summary shows it: shell by script id, trigger-builds by name, others by kind. */
function summarize(b: YamlValue): unknown {
  if (b && typeof b === 'object' && !Array.isArray(b)) {
    const [name] = Object.keys(b);
    const data = (b as Record<string, YamlValue>)[name];
    if (name === 'shell') return { shell: typeof data === 'string' ? scriptId(data) : data };
    return name;
  }
  return b;
}
function summarizeGolden(b: Record<string, unknown>): unknown {
  return 'shell' in b ? b : 'type' in b ? 'conditional-step' : Object.keys(b)[0];
}

describe.skipIf(!hasShared)('JJB expansion of shared/corpus/integration-config/jjb vs JJB 4.3.0', () => {
  const loaded = hasShared ? loadJjb(['jjb'], { root: sharedCorpus }) : undefined!;
  const result = hasShared ? expandJobs(loaded) : undefined!;

  it('produces the 781 golden job names, with no error diagnostics', () => {
    const names = readFileSync(path.join(goldenDir, 'jjb-job-names.txt'), 'utf8').split('\n').filter(Boolean);
    const mine = result.jobs.map((j) => j.name).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(mine).toHaveLength(781);
    expect(mine).toEqual(names);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('produces every job dict byte-identical to the golden jsonl, in generation order', () => {
    const golden = readFileSync(path.join(goldenDir, 'jjb-expanded-jobdicts.jsonl'), 'utf8').split('\n').filter(Boolean);
    const mine = result.jobs.map((j, order) => `{"order":${order},"name":${toPyJson(j.name)},"job":${toPyJson(j.job)}}`);
    expect(mine.length).toBe(golden.length);
    const differing = mine.flatMap((line, i) => (line === golden[i] ? [] : [result.jobs[i].name]));
    expect(differing).toEqual([]);
  });

  it('has MISSING-INCLUDE markers in 144 jobs before macros and 335 after', () => {
    const expanded = result.jobs.map((j) => expandMacros(j, loaded));
    expect(expanded.flatMap((m) => m.diagnostics)).toEqual([]);
    const pre = result.jobs.filter((j) => toPyJson(j.job).includes('MISSING-INCLUDE(')).length;
    const post = expanded.filter((m) => toPyJson(m.job.job).includes('MISSING-INCLUDE(')).length;
    expect([pre, post]).toEqual([144, 335]);
  });

  it('expands macros to the golden shell texts of every builder (5428) and postbuildscript step', () => {
    const golden = JSON.parse(readFileSync(path.join(goldenDir, 'jjb-expanded-jobs.json'), 'utf8')) as {
      jobs: Record<string, GoldenJob>;
    };
    let shells = 0;
    let postShells = 0;
    const mismatches: string[] = [];
    for (const job of result.jobs) {
      const { job: out } = expandMacros(job, loaded);
      const g = golden.jobs[job.name];
      const mine = ((out.job.builders as YamlValue[] | undefined) ?? []).map(summarize);
      const want = (g.builders ?? []).map(summarizeGolden);
      if (JSON.stringify(mine) !== JSON.stringify(want)) mismatches.push(`${job.name} builders`);
      shells += mine.filter((b) => typeof b === 'object').length;
      const pubs = ((out.job.publishers as YamlValue[] | undefined) ?? []).filter(
        (p): p is { postbuildscript: { builders: Array<{ 'build-steps'?: YamlValue[] }> } } =>
          typeof p === 'object' && p !== null && 'postbuildscript' in p,
      );
      const minePost = pubs.map((p) => p.postbuildscript.builders.flatMap((b) => (b['build-steps'] ?? []).map(summarize)));
      const wantPost = (g['publisher-details'] ?? []).filter((d) => d.builders).map((d) => d.builders!.map(summarizeGolden));
      if (JSON.stringify(minePost) !== JSON.stringify(wantPost)) mismatches.push(`${job.name} postbuildscript`);
      postShells += minePost.flat().filter((b) => typeof b === 'object').length;
    }
    expect(mismatches).toEqual([]);
    expect(shells).toBe(5428);
    expect(postShells).toBe(3559);
    console.info(`compared ${shells} builder shell texts and ${postShells} postbuildscript shell texts`);
  });

  it('expands publisher and parameter macros to the golden component lists', () => {
    const golden = JSON.parse(readFileSync(path.join(goldenDir, 'jjb-expanded-jobs.json'), 'utf8')) as {
      jobs: Record<string, GoldenJob>;
    };
    const nameOf = (c: YamlValue): string => (typeof c === 'string' ? c : Object.keys(c as object)[0]);
    // the summary names the ircbot publisher after its XML element (irc)
    const summaryName = (n: string): string => (n === 'ircbot' ? 'irc' : n);
    const mismatches: string[] = [];
    for (const job of result.jobs) {
      const out = expandMacros(job, loaded).job.job;
      const g = golden.jobs[job.name];
      const pubs = ((out.publishers as YamlValue[] | undefined) ?? []).map((c) => summaryName(nameOf(c)));
      if (JSON.stringify(pubs) !== JSON.stringify(g.publishers ?? [])) mismatches.push(`${job.name} publishers`);
      const params = ((out.parameters as YamlValue[] | undefined) ?? []).map(
        (c) => ((c as Record<string, Record<string, string>>)[nameOf(c)] ?? {}).name,
      );
      if (JSON.stringify(params) !== JSON.stringify(g.parameters ?? [])) mismatches.push(`${job.name} parameters`);
    }
    expect(mismatches).toEqual([]);
  });
});
