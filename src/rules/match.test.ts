import { describe, expect, it } from 'vitest';
import { completeFacts } from './facts.js';
import { MATCHERS, matchBlock, primaryInvocation } from './match.js';
import { MATCH_KEYS, type RuleMatch } from './types.js';

const facts = completeFacts({
  name: 'foo-tox-py3',
  template: '{name}-tox-{toxenv}',
  invocations: [
    { image: 'reg/a:1', entrypoint: 'git', args: 'checkout x' },
    { image: 'reg/tox:2', entrypoint: '', args: '-e py3' },
  ],
  node: 'Docker',
});

describe('matchers', () => {
  it('has one matcher per key, in one table', () => {
    expect(MATCHERS.map(([k]) => k)).toEqual([...MATCH_KEYS]);
  });

  it('ANDs keys, ORs the regexes of a key, and returns the named groups', () => {
    expect(matchBlock(facts, { jobName: [/^nope$/, /-tox-(?<env>\w+)$/], node: [/^Docker$/] })).toEqual({ env: 'py3' });
    expect(matchBlock(facts, { jobName: [/-tox-/], node: [/^Other$/] })).toBeNull();
  });

  it('matches template parameters recovered from the job name', () => {
    expect(matchBlock(facts, { templateParams: { toxenv: [/^(?<e>py\d)$/] } })).toEqual({ e: 'py3' });
    expect(matchBlock(facts, { templateParams: { missing: [/.*/] } })).toBeNull();
  });

  it('matches any container run, an absent entrypoint being the empty string', () => {
    expect(matchBlock(facts, { entrypoint: [/^$/] })).toEqual({});
    expect(matchBlock(facts, { image: [/\/tox:/], args: [/^-e (?<env>\S+)$/] })).toEqual({ env: 'py3' });
  });

  it('picks the run satisfying all run patterns as the primary one, else the last run', () => {
    const m: RuleMatch = { image: [/\/a:/] };
    expect(primaryInvocation(facts, m)?.image).toBe('reg/a:1');
    expect(primaryInvocation(facts, { jobName: [/./] })?.image).toBe('reg/tox:2');
  });
});
