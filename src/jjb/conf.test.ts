import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJjbConf, readJjbConf } from './conf.js';

describe('JJB ini [job_builder] (configparser semantics)', () => {
  it('reads include_path (colon-separated, relative to cwd) and the booleans', () => {
    const text = [
      '# comment',
      '[jenkins]',
      'url = http://example.invalid',
      '[job_builder]',
      'Include_Path = .:scripts:/abs/dir',
      'allow_empty_variables: Yes',
      'allow_duplicates = off',
      '; another comment',
      'keep_descriptions=1',
      'retain_anchors = TRUE',
      'ignore_cache = True',
      '',
    ].join('\n');
    expect(parseJjbConf(text, 'jjb.ini', '/corpus')).toEqual({
      options: {
        includePath: ['/corpus', path.resolve('/corpus', 'scripts'), '/abs/dir'],
        allowEmptyVariables: true,
        allowDuplicates: false,
        keepDescriptions: true,
        retainAnchors: true,
      },
      diagnostics: [],
    });
  });
  it.each([
    ['1', true],
    ['yes', true],
    ['true', true],
    ['on', true],
    ['0', false],
    ['NO', false],
    ['False', false],
    ['oFF', false],
  ])('boolean spelling %s', (w, b) => {
    expect(parseJjbConf(`[job_builder]\nretain_anchors = ${w}\n`, 'c.ini').options.retainAnchors).toBe(b);
  });
  it('a bad boolean is a jjb-bad-conf error with its line; other settings still apply', () => {
    const r = parseJjbConf('[job_builder]\nkeep_descriptions = y\nallow_duplicates = yes\n', 'c.ini');
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([['jjb-bad-conf', 'error', 2]]);
    expect(r.options).toEqual({ allowDuplicates: true });
  });
  it('no [job_builder] section gives no options; a missing file is a diagnostic', () => {
    expect(parseJjbConf('[jenkins]\nurl=x\n', 'c.ini')).toEqual({ options: {}, diagnostics: [] });
    expect(readJjbConf('/nonexistent/j2a.ini').diagnostics.map((d) => d.code)).toEqual(['jjb-bad-conf']);
  });
  it('an option outside a section is an error (MissingSectionHeaderError)', () => {
    expect(parseJjbConf('a = 1\n', 'c.ini').diagnostics.map((d) => d.line)).toEqual([1]);
  });
});
