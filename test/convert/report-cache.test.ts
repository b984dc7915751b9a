import { describe, expect, it } from 'vitest';
import type { ParityEntry } from '../../src/convert/types.js';
import type { ProjectPlan } from '../../src/convert/project.js';
import { projectReportJson, projectReportMd } from '../../src/report/project-report.js';
import { reportCache } from '../../src/report/entry-text.js';

function plan(project: string, entries: ParityEntry[]): ProjectPlan {
  return { result: { project, status: 'partial', entries, diagnostics: [] }, pipelines: [], files: new Map() };
}

/** The un-memoised JSON line: the entry without its project, as JSON.stringify writes it. */
function line(e: ParityEntry): string {
  const { project: _, ...rest } = e;
  return JSON.stringify(rest);
}

/** The entry lines of a JSON report, as written. */
function entryLines(json: string): string[] {
  const lines = json.split('\n');
  const from = lines.indexOf('  "entries": [');
  const to = lines.indexOf('  ],', from);
  return lines.slice(from + 1, to).map((l) => l.trim().replace(/,$/, ''));
}

const reason = { code: 'multi-container', message: 'needs a second container' };

function base(project: string): ParityEntry {
  return { project, zuulPipeline: 'test', job: 'x-tox-py3', voting: true, outcome: 'partial', losses: ['cache', 'timeout'], ruleId: 'python-tox' };
}

/** Entries of one job that differ from `base` in exactly one serialized respect each. */
function variants(project: string): ParityEntry[] {
  const staged = { ...base(project), plPipeline: 'test', stage: 'tox-py3' };
  const otherStage = { ...base(project), plPipeline: 'test', stage: 'tox-py3-b' };
  const otherPipeline = { ...base(project), plPipeline: 'x-test', stage: 'tox-py3' };
  // the same members with stage and plPipeline added in the other order: JSON key order differs
  const swapped: ParityEntry = { ...base(project), stage: 'tox-py3' };
  swapped.plPipeline = 'test';
  const fewerLosses = { ...base(project), losses: ['cache' as const] };
  const reordered = { ...base(project), losses: ['timeout' as const, 'cache' as const] };
  const translated = { ...base(project), outcome: 'translated' as const, losses: [] };
  const withReason = { ...base(project), reason };
  const otherMessage = { ...base(project), reason: { ...reason, message: 'needs a third container' } };
  const reasonOrder = { ...base(project), reason: { message: reason.message, code: reason.code } };
  const branch = { ...base(project), branch: ['^master$'] };
  const files = { ...base(project), files: ['^master$'] };
  const child = { ...base(project), parent: 'x-tox-lint' };
  const gate = { ...base(project), zuulPipeline: 'gate-and-submit' };
  const nonVoting = { ...base(project), voting: false };
  const noRule: ParityEntry = { ...base(project) };
  delete noRule.ruleId;
  const undefinedRule = { ...base(project), ruleId: undefined };
  return [base(project), staged, otherStage, otherPipeline, swapped, fewerLosses, reordered, translated, withReason, otherMessage, reasonOrder, branch, files, child, gate, nonVoting, noRule, undefinedRule];
}

describe('report cache', () => {
  it('never merges entries that differ in a serialized member or in key order', () => {
    const entries = variants('a');
    const cache = reportCache();
    const json = projectReportJson(plan('a', entries), cache);
    expect(entryLines(json)).toEqual(entries.map(line));
    // a second project with the same entries reuses the text, and gets the same lines as without a cache
    const again = variants('b');
    expect(projectReportJson(plan('b', again), cache)).toBe(projectReportJson(plan('b', again)));
    expect(entryLines(projectReportJson(plan('b', again), cache))).toEqual(again.map(line));
    expect(projectReportMd(plan('b', again), cache)).toBe(projectReportMd(plan('b', again)));
    // the key order matters to JSON only: these two lines differ, their rows do not
    expect(line(entries[1]!)).not.toBe(line(entries[4]!));
  });

  it('follows entries changed after they were rendered', () => {
    const cache = reportCache();
    const entries = [base('a'), base('a')];
    projectReportJson(plan('a', entries), cache);
    projectReportMd(plan('a', entries), cache);
    // what annotate and liftCarriedFilters do after creation: add plPipeline/stage, drop losses, change outcome
    entries[0]!.plPipeline = 'test';
    entries[0]!.stage = 'tox-py3';
    entries[1]!.losses.pop();
    entries[1]!.outcome = 'translated';
    expect(entryLines(projectReportJson(plan('a', entries), cache))).toEqual(entries.map(line));
    expect(projectReportMd(plan('a', entries), cache)).toBe(projectReportMd(plan('a', entries)));
    expect(projectReportMd(plan('a', entries), cache)).toContain('| x-tox-py3 | yes | partial | test / tox-py3 | cache, timeout |  |');
    expect(projectReportMd(plan('a', entries), cache)).toContain('| x-tox-py3 | yes | translated |  | cache |  |');
  });

  it('renders entries it cannot compare (unknown members) without caching them', () => {
    const cache = reportCache();
    const odd = { ...base('a'), extra: { nested: [1] } } as ParityEntry;
    const plain = base('a');
    const json = projectReportJson(plan('a', [odd, plain]), cache);
    expect(entryLines(json)).toEqual([line(odd), line(plain)]);
    expect(line(odd)).toContain('"extra":{"nested":[1]}');
  });
});
