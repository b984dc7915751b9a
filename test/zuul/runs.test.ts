/** Which jobs run for a change (Zuul 2.5 `Job.changeMatches`, change_matcher) and pipeline admission (doc §7). */
import { describe, expect, it } from 'vitest';
import { jobRunsFor, jobsRunFor, pipelineAdmits } from '../../src/zuul/index.js';
import { resolveYaml } from './helpers.js';

const { resolved } = resolveYaml(`jobs:
  - name: branchy
    branch: ^master$
  - name: prefix
    branch: master
  - name: filey
    files: ['^docs/', '.*\\.md$']
  - name: publish-js
    skip-if:
      - branch: ^wmf/.*$
      - branch: ^fundraising/.*$
  - name: docs-skip
    skip-if:
      - project: ^org/
        all-files-match-any: ['^docs/']
  - name: always-skip
    skip-if:
      - {}
projects:
  - name: org/p
    check:
      - branchy
      - prefix
      - filey
      - docs-skip
      - always-skip
      - {prefix-parent-filey: [filey, plain]}
    publish: [publish-js, branchy, filey]
`, {
  pipelines: `pipelines:
  - name: check
    manager: IndependentPipelineManager
    trigger:
      gerrit:
        - event: patchset-created
  - name: publish
    manager: IndependentPipelineManager
    trigger:
      gerrit:
        - event: ref-updated
          ref: ^refs/tags/.*$
`,
});
const job = (name: string) => resolved.jobs.get(name)!;
const change = (branch: string, files: string[] = ['src/x.js']) => ({ pipeline: 'check', project: 'org/p', branch, files });

describe('jobRunsFor', () => {
  it('branch uses re.match: ^master$ is exact, master is a prefix', () => {
    expect(jobRunsFor(job('branchy'), change('master'))).toBe(true);
    expect(jobRunsFor(job('branchy'), change('master-foo'))).toBe(false);
    expect(jobRunsFor(job('prefix'), change('master-foo'))).toBe(true);
    expect(jobRunsFor(job('prefix'), change('REL1_43'))).toBe(false);
  });
  it('ref items match the full ref: ^master$ never runs there; a job without filters does', () => {
    const ref = { pipeline: 'publish', project: 'org/p', ref: 'refs/heads/master' };
    expect(jobRunsFor(job('branchy'), ref)).toBe(false);
    expect(jobRunsFor(job('publish-js'), ref)).toBe(true);
  });
  it('files: some regex matches some file; ref items have no files', () => {
    expect(jobRunsFor(job('filey'), change('master', ['docs/a.txt']))).toBe(true);
    expect(jobRunsFor(job('filey'), change('master', ['src/README.md']))).toBe(true);
    expect(jobRunsFor(job('filey'), change('master', ['src/a.js', 'sub/docs/x']))).toBe(false);
    expect(jobRunsFor(job('filey'), { pipeline: 'publish', project: 'org/p', ref: 'refs/tags/1.0' })).toBe(false);
  });
  it('skip-if branch: skipped on wmf/ and fundraising/ branches, still runs for tags', () => {
    expect(jobRunsFor(job('publish-js'), change('wmf/1.45.0-wmf.3'))).toBe(false);
    expect(jobRunsFor(job('publish-js'), change('fundraising/REL1_43'))).toBe(false);
    expect(jobRunsFor(job('publish-js'), change('master'))).toBe(true);
    expect(jobRunsFor(job('publish-js'), { pipeline: 'publish', project: 'org/p', ref: 'refs/tags/1.2' })).toBe(true);
  });
  it('skip-if all-files-match-any: every file matches or is /COMMIT_MSG, and not only /COMMIT_MSG', () => {
    expect(jobRunsFor(job('docs-skip'), change('master', ['docs/a', 'docs/b']))).toBe(false);
    expect(jobRunsFor(job('docs-skip'), change('master', ['docs/a', 'src/b']))).toBe(true);
    expect(jobRunsFor(job('docs-skip'), change('master', []))).toBe(true);
    expect(jobRunsFor(job('docs-skip'), { ...change('master', ['docs/a']), project: 'other/p' })).toBe(true);
  });
  it('an empty skip-if entry always skips', () => {
    expect(jobRunsFor(job('always-skip'), change('master'))).toBe(false);
  });
  it('jobsRunFor: a filtered-out parent hides its subtree', () => {
    const names = (files: string[]) => jobsRunFor(resolved, change('master', files)).map((n) => n.job);
    expect(names(['src/a.js'])).toEqual(['branchy', 'prefix', 'docs-skip', 'prefix-parent-filey', 'plain']);
    expect(names(['docs/a'])).toEqual(['branchy', 'prefix', 'filey', 'prefix-parent-filey', 'filey', 'plain']);
  });
});

describe('pipelineAdmits', () => {
  const { resolved: wmf } = resolveYaml('projects: []\n', {
    pipelines: `pipelines:
  - name: test
    manager: IndependentPipelineManager
    trigger:
      gerrit:
        - event: patchset-created
          branch: (?!^refs/meta/config|^fundraising/REL|^wmf/|^REL)
          reject-approval:
            - code-review: 2
          email: ['.*?@wikimedia\\.org$']
        - event: comment-added
          comment: (?im)^Patch Set \\d+:\\n\\n\\s*recheck\\b
  - name: gate-and-submit
    manager: DependentPipelineManager
    require:
      open: true
    trigger:
      gerrit:
        - event: comment-added
          approval:
            - Code-Review: 2
          username: '^(?!l10n-bot$)'
  - name: publish
    manager: IndependentPipelineManager
    trigger:
      gerrit:
        - event: ref-updated
          ref: ^refs/tags/.*$
`,
  });
  const pipe = (name: string) => wmf.layout.pipelines.find((p) => p.name === name)!;
  const rx = wmf.layout.regexes;
  it('branch regexes split master from release branches', () => {
    const ev = (branch: string) => ({ type: 'patchset-created', branch, account: { email: 'a@wikimedia.org' } });
    expect(pipelineAdmits(pipe('test'), ev('master'), rx)).toBe(true);
    expect(pipelineAdmits(pipe('test'), ev('REL1_43'), rx)).toBe(false);
    expect(pipelineAdmits(pipe('test'), ev('wmf/1.45.0-wmf.1'), rx)).toBe(false);
  });
  it('e-mail filters use re.search; reject-approval blocks a change already at CR+2', () => {
    expect(pipelineAdmits(pipe('test'), { type: 'patchset-created', branch: 'master', account: { email: 'x@example.com' } }, rx)).toBe(false);
    const cr2 = { type: 'patchset-created', branch: 'master', account: { email: 'a@wikimedia.org' }, change: { approvals: [{ label: 'Code-Review', value: 2 }] } };
    expect(pipelineAdmits(pipe('test'), cr2, rx)).toBe(false);
  });
  it('comment filters: recheck (case-insensitive, multiline)', () => {
    expect(pipelineAdmits(pipe('test'), { type: 'comment-added', branch: 'REL1_43', comment: 'Patch Set 2:\n\nRecheck' }, rx)).toBe(true);
    expect(pipelineAdmits(pipe('test'), { type: 'comment-added', branch: 'master', comment: 'Patch Set 2:\n\nlooks good' }, rx)).toBe(false);
  });
  it('event approvals and require: open', () => {
    const vote = { type: 'comment-added', branch: 'master', approvals: [{ label: 'Code-Review', value: 2 }], account: { username: 'dev' } };
    expect(pipelineAdmits(pipe('gate-and-submit'), { ...vote, change: { open: true } }, rx)).toBe(true);
    expect(pipelineAdmits(pipe('gate-and-submit'), { ...vote, change: { open: false } }, rx)).toBe(false);
    expect(pipelineAdmits(pipe('gate-and-submit'), { ...vote, account: { username: 'l10n-bot' }, change: { open: true } }, rx)).toBe(false);
    expect(pipelineAdmits(pipe('gate-and-submit'), { ...vote, approvals: [{ label: 'Code-Review', value: 1 }], change: { open: true } }, rx)).toBe(false);
  });
  it('ref-updated: ref regex and ignore-deletes', () => {
    expect(pipelineAdmits(pipe('publish'), { type: 'ref-updated', ref: 'refs/tags/1.0', newrev: 'abc' }, rx)).toBe(true);
    expect(pipelineAdmits(pipe('publish'), { type: 'ref-updated', ref: 'refs/heads/master', newrev: 'abc' }, rx)).toBe(false);
    expect(pipelineAdmits(pipe('publish'), { type: 'ref-updated', ref: 'refs/tags/1.0', newrev: '0'.repeat(40) }, rx)).toBe(false);
  });
});
