import { describe, expect, it } from 'vitest';
import type { ParityEntry } from '../../src/convert/types.js';
import type { ProjectPlan } from '../../src/convert/project.js';
import { projectReports } from '../../src/report/project-report.js';
import { planRenderer, renderReports, viewMaker, viewRenderer } from '../../src/run/reports.js';

function entry(zuulPipeline: string, job: string, extra: Partial<ParityEntry> = {}): ParityEntry {
  return { zuulPipeline, job, voting: true, outcome: 'translated', losses: [], ...extra };
}

describe('projectReportMd', () => {
  it('has one section per Zuul pipeline in order of first appearance, rows in entry order, reasons once per code', () => {
    const r = { code: 'rule-no-match', message: 'no translation rule matches the job' };
    const entries = [
      entry('test', 'a'),
      entry('gate-and-submit', 'a'),
      entry('test', 'b', { parent: 'a', outcome: 'unsupported', reason: r }),
      entry('postmerge', 'c|d', { plPipeline: 'publish', stage: 'c' }),
      entry('gate-and-submit', 'b', { outcome: 'unsupported', reason: { ...r, message: 'later message' } }),
    ];
    const plan: ProjectPlan = { result: { project: 'p', status: 'blocked', entries, diagnostics: [] }, pipelines: [], files: new Map() };
    const head = '| job | voting | outcome | PipelineLib | losses | reason |\n|---|---|---|---|---|---|';
    expect(projectReports(plan).md).toBe(
      [
        '# p',
        '',
        'Status: **blocked**. 5 entries: translated 3, partial 0, unsupported 2, already-migrated 0, skipped 0.',
        '',
        `## Zuul \`test\`\n\n${head}`,
        '| a | yes | translated |  |  |  |',
        '| b (after a) | yes | unsupported |  |  | `rule-no-match` |',
        '',
        `## Zuul \`gate-and-submit\`\n\n${head}`,
        '| a | yes | translated |  |  |  |',
        '| b | yes | unsupported |  |  | `rule-no-match` |',
        '',
        `## Zuul \`postmerge\`\n\n${head}`,
        '| c\\|d | yes | translated | publish / c |  |  |',
        '',
        '## Reasons',
        '',
        '- `rule-no-match`: no translation rule matches the job',
        '',
      ].join('\n'),
    );
  });
});

describe('report views (the helper thread renders from these)', () => {
  const shared = [entry('test', 'a', { outcome: 'partial', losses: ['cache'] }), entry('test', 'b', { outcome: 'unsupported', reason: { code: 'x', message: 'why' } })];
  const other = [entry('postmerge', 'c')];
  const plan = (project: string, entries: ParityEntry[], diagnostics: ProjectPlan['result']['diagnostics'] = []): ProjectPlan => ({
    result: { project, status: 'blocked', entries, diagnostics },
    pipelines: [],
    files: new Map(),
  });
  const plans = [plan('p/one', shared), plan('p/two', shared, [{ severity: 'warning', code: 'w', message: 'm', repo: 'p/two' }]), plan('p/three', other), plan('p/four', shared)];

  it('carry the entries of a shape once, and render what each plan renders on its own', () => {
    const views = plans.map(viewMaker());
    expect(views.map((v) => [v.shape, v.entries !== undefined])).toEqual([[0, true], [0, false], [1, true], [0, false]]);
    const fromViews = structuredClone(views).map(viewRenderer()); // as posted: entries cloned, identity lost
    const inThread = planRenderer();
    for (const [i, p] of plans.entries()) {
      expect(fromViews[i]).toEqual(renderReports(p));
      expect(inThread(p)).toEqual(renderReports(p));
    }
    expect(fromViews[1]![0]![1]).toContain('"project": "p/two"');
    expect(fromViews[1]![1]![1]).toContain('## Diagnostics');
  });

  it('refuses a view whose shape never arrived (a bug, not a silent empty report)', () => {
    expect(() => viewRenderer()({ source: { project: 'p/two', status: 'blocked', diagnostics: [], pipelines: [], files: [] }, shape: 7, files: [] })).toThrow(/shape 7 arrived without its entries/);
  });
});
