/**
 * The `jobs:` section (Zuul 2.5 `Layout.getJob`, `Job.copy`, `_parseConfig`): expected values follow that code
 * and doc §3, not our output.
 */
import { describe, expect, it } from 'vitest';
import { resolveYaml } from './helpers.js';

describe('metajobs and job attributes', () => {
  it('a metajob applies to jobs created after it, in registration order; the entry itself wins last', () => {
    const { resolved } = resolveYaml(`jobs:
  - name: ^.*-non-voting$
    voting: false
  - name: ^mw.*
    branch: master
    mutex: m1
  - name: mwcore-non-voting
    mutex: own
projects:
  - name: p
    check: [mwcore-non-voting, other]
`);
    const j = resolved.jobs.get('mwcore-non-voting')!;
    expect(j.voting).toBe(false);
    expect(j.branch).toEqual(['master']);
    expect(j.mutex).toBe('own');
    expect(resolved.jobs.get('other')).toMatchObject({ voting: true, hold: false });
    expect(resolved.jobs.get('other')!.branch).toBeUndefined();
  });

  it('a concrete entry listed before a matching metajob does not get it', () => {
    const { resolved } = resolveYaml(`jobs:
  - name: early-job
    files: ['^a/']
  - name: ^early-.*
    voting: false
    files: ['^b/']
projects:
  - name: p
    check: [early-job, early-late]
`);
    expect(resolved.jobs.get('early-job')).toMatchObject({ voting: true, files: ['^a/'] });
    // Created while reading the project, after every metajob: gets it.
    expect(resolved.jobs.get('early-late')).toMatchObject({ voting: false, files: ['^b/'] });
  });

  it('later metajobs replace branch/files/skip-if/messages; tags accumulate; unset booleans do not override', () => {
    const { resolved } = resolveYaml(`jobs:
  - name: ^a.*
    voting: false
    branch: one
    files: [x]
    tags: [t1]
    success-message: first
    skip-if:
      - project: ^p1$
  - name: ^ab.*
    branch: [two, three]
    tags: t2
    skip-if:
      - branch: ^wmf/
    failure-pattern: http://f/{job.name}
  - name: ^abc$
    hold-following-changes: true
projects:
  - name: p
    check: [abc]
`);
    const j = resolved.jobs.get('abc')!;
    expect(j.voting).toBe(false);
    expect(j.hold).toBe(true);
    expect(j.branch).toEqual(['two', 'three']);
    expect(j.files).toEqual(['x']);
    expect(j.tags).toEqual(['t1', 't2']);
    expect(j.successMessage).toBe('first');
    expect(j.failurePattern).toBe('http://f/{job.name}');
    expect(j.skipIf).toEqual([{ branch: '^wmf/' }]);
  });

  it('queue-name is not inherited from metajobs', () => {
    const { resolved } = resolveYaml(`jobs:
  - name: ^q.*
    queue-name: shared
  - name: q-own
    queue-name: mine
projects:
  - name: p
    gate: [q-own, q-other]
`);
    expect(resolved.jobs.get('q-own')!.queueName).toBe('mine');
    expect(resolved.jobs.get('q-other')!.queueName).toBeUndefined();
  });

  it('voting: false and YAML 1.1 booleans (no/off) are read as PyYAML reads them', () => {
    const { resolved } = resolveYaml(`jobs:
  - name: a
    voting: no
  - name: b
    voting: off
  - name: c
    voting: 'no'
projects:
  - name: p
    check: [a, b]
`);
    expect(resolved.jobs.get('a')!.voting).toBe(false);
    expect(resolved.jobs.get('b')!.voting).toBe(false);
    // A quoted 'no' is a (truthy) string: Zuul sets voting to it; we keep the truthiness and report the type.
    expect(resolved.jobs.get('c')!.voting).toBe(true);
    expect(resolved.diagnostics.map((d) => d.code)).toEqual(['zuul-bad-value']);
  });

  it('skip-if is printed like Zuul prints its matcher', () => {
    const { golden } = resolveYaml(`jobs:
  - name: j
    skip-if:
      - project: ^mediawiki/extensions/DonationInterface$
        branch: ^deployment$
      - all-files-match-any: ['^docs/', '\\.md$']
      - {}
projects:
  - name: p
    check: [j]
`);
    expect(golden.projects['p']!['check']![0]!['skip-if']).toBe(
      '{MatchAny:{MatchAll:{ProjectMatcher:^mediawiki/extensions/DonationInterface$},{BranchMatcher:^deployment$}},' +
        '{MatchAll:{MatchAllFiles:{FileMatcher:^docs/},{FileMatcher:\\.md$}}},{MatchAll:}}',
    );
  });

  it('golden node keys: voting always, optional keys only when set', () => {
    const { golden } = resolveYaml(`jobs:
  - name: j
    branch: master
    mutex: mx
    queue-name: qq
    hold-following-changes: true
projects:
  - name: p
    check: [j, plain]
`);
    expect(golden.projects['p']!['check']).toEqual([
      { branch: ['master'], hold: true, job: 'j', mutex: 'mx', queue: 'qq', voting: true },
      { job: 'plain', voting: true },
    ]);
  });
});
