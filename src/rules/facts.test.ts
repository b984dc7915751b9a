import { describe, expect, it } from 'vitest';
import { jobFacts, templateParams } from './facts.js';

describe('templateParams', () => {
  it('recovers placeholder values from the job name', () => {
    expect(templateParams('{name}-tox-{toxenv}', 'pywikibot-core-tox-fasttest-py310')).toEqual({
      name: 'pywikibot-core',
      toxenv: 'fasttest-py310',
    });
    expect(templateParams('operations-mw-config-{phpflavor}-composer-{run-script}', 'operations-mw-config-php83-composer-lint')).toEqual({
      phpflavor: 'php83',
      'run-script': 'lint',
    });
  });
  it('gives nothing for a plain name or a name that does not fit', () => {
    expect(templateParams('tox', 'tox')).toEqual({});
    expect(templateParams('{name}-tox', 'foo-rake')).toEqual({});
  });
});

describe('jobFacts', () => {
  it('reads builders, invocations, publishers, wrappers, node and triggers generically', () => {
    const facts = jobFacts({
      name: 'j',
      template: '{name}',
      source: { file: 'f' },
      job: {
        'project-type': 'freestyle',
        node: 'Docker',
        builders: ['setup', { 'docker-run': { image: 'img:1', entrypoint: '/e', args: '-x' } }, { shell: 'echo hi' }],
        publishers: ['teardown', { archive: { artifacts: 'log/' } }],
        wrappers: [{ timeout: { timeout: 30 } }, 'timestamps'],
        triggers: [{ timed: '@daily' }],
        parameters: [{ string: { name: 'EXT_DEPENDENCIES' } }, { string: { name: 'ZUUL_URL', default: 'x' } }],
      },
      expanded: { builders: [{ shell: 'echo expanded' }], publishers: [{ postbuildscript: {} }] },
    });
    expect(facts).toMatchObject({
      jobName: 'j',
      templateParams: { name: 'j' },
      invocations: [{ image: 'img:1', entrypoint: '/e', args: '-x' }],
      builderMacros: ['setup', 'docker-run'],
      shells: ['echo hi', 'echo expanded'],
      node: 'Docker',
      projectType: 'freestyle',
      publishers: ['teardown', 'archive'],
      wrappers: ['timeout', 'timestamps'],
      triggers: ['timed'],
      parameters: ['EXT_DEPENDENCIES', 'ZUUL_URL'],
    });
  });
});
