import { describe, expect, it } from 'vitest';
import type { ParityEntry } from '../../src/convert/types.js';
import type { ProjectPlan } from '../../src/convert/project.js';
import { projectReportMd } from '../../src/report/project-report.js';

function entry(zuulPipeline: string, job: string, extra: Partial<ParityEntry> = {}): ParityEntry {
  return { project: 'p', zuulPipeline, job, voting: true, outcome: 'translated', losses: [], ...extra };
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
    expect(projectReportMd(plan)).toBe(
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
