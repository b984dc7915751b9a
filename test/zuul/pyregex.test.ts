/** Python 2.7 `re` emulation: expected results are Python's (`re.match` / `re.search`), per the re docs. */
import { describe, expect, it } from 'vitest';
import { compilePyRegex, translatePyRegex, type PyRegex } from '../../src/zuul/index.js';

function re(src: string): PyRegex {
  const c = compilePyRegex(src);
  if (!c.ok) throw new Error(`${src}: ${c.error}`);
  return c.regex;
}

describe('re.match is anchored at the start only', () => {
  it('matches prefixes, not substrings, and adds no $', () => {
    expect(re('master').match('master-foo')).toBe(true);
    expect(re('master').match('foo-master')).toBe(false);
    expect(re('.pipeline/config.yaml').match('.pipeline/config.yaml.bak')).toBe(true);
    expect(re('.pipeline/config.yaml').match('xpipeline/config.yaml')).toBe(true);
    expect(re('debian/.*').match('sub/debian/x')).toBe(false);
    expect(re('^master$').match('refs/heads/master')).toBe(false);
  });
  it('re.search is unanchored', () => {
    expect(re('debian/.*').search('sub/debian/x')).toBe(true);
    expect(re('.*?@wikimedia\\.(org|se)$').search('someone@wikimedia.org')).toBe(true);
    expect(re('.*?@wikimedia\\.(org|se)$').search('someone@wikimedia.org.evil')).toBe(false);
  });
  it('the negative-lookahead branch filter of test/gate-and-submit (as in the layout)', () => {
    const r = re('(?!^refs/meta/config|^fundraising/REL|^wmf/(\\d\\.\\d{2}\\.\\d-wmf\\.\\d{1,2}|branch_cut_pretest|next)|^REL)');
    expect(r.match('master')).toBe(true);
    expect(r.match('REL1_43')).toBe(false);
    expect(r.match('wmf/1.45.0-wmf.12')).toBe(false);
    expect(r.match('wmf/next')).toBe(false);
    expect(r.match('wmf/other')).toBe(true);
    expect(r.match('fundraising/REL1_43')).toBe(false);
    expect(r.match('refs/meta/config')).toBe(false);
  });
  it('a sticky regex is reusable (lastIndex reset)', () => {
    const r = re('a');
    expect(r.match('a')).toBe(true);
    expect(r.match('a')).toBe(true);
  });
});

describe('inline flags', () => {
  const recheck = '(?im)^Patch Set \\d+:( -?Code\\-Review(\\+|-)?(1|2)?)?(\\n\\n\\(\\d+ comment(s)?\\))?\\n\\n\\s*recheck\\b';
  it('leading (?im) from the layout: i and m apply', () => {
    const r = re(recheck);
    expect(r.search('Patch Set 3:\n\nrecheck')).toBe(true);
    expect(r.search('patch set 3: Code-Review+2\n\nRECHECK please')).toBe(true);
    expect(r.search('Patch Set 3:\n\n(1 comment)\n\nrecheck')).toBe(true);
    expect(r.search('Patch Set 3:\n\nplease recheck')).toBe(false);
    expect(translatePyRegex(recheck)).toMatchObject({ ok: true, pattern: { flags: 'i', constructs: expect.arrayContaining(['inline-flags']) } });
  });
  it('(?im) check experimental: ^/$ break lines at \\n only', () => {
    const r = re('(?im)^Patch Set \\d+:\\n\\n\\s*check experimental\\.?\\s*$');
    expect(r.search('Patch Set 2:\n\ncheck experimental')).toBe(true);
    expect(r.search('Patch Set 2:\n\ncheck experimental.\nmore text')).toBe(true);
    expect(r.search('Patch Set 2:\n\ncheck experimental please')).toBe(false);
  });
  it('Python 2.7 applies a flag group found anywhere to the whole pattern', () => {
    const t = translatePyRegex('abc(?i)');
    expect(t).toMatchObject({ ok: true, pattern: { flags: 'i', constructs: ['inline-flags-not-leading'] } });
    expect(re('abc(?i)').match('ABC')).toBe(true);
  });
  it('s makes . match newlines; x strips whitespace and comments', () => {
    expect(re('(?s)a.b').match('a\nb')).toBe(true);
    expect(re('a.b').match('a\nb')).toBe(false);
    expect(re('(?x) a b  # comment\n c').match('abc')).toBe(true);
  });
  it('L and u are accepted and dropped', () => {
    expect(re('(?u)\\w+').match('abc')).toBe(true);
    expect(re('(?L)x').match('x')).toBe(true);
  });
  it('an unknown flag letter is an error, not a crash', () => {
    expect(compilePyRegex('(?q)x')).toMatchObject({ ok: false });
  });
});

describe('Python semantics JavaScript lacks', () => {
  it('$ without m also matches before a final newline', () => {
    expect(re('foo$').match('foo\n')).toBe(true);
    expect(re('foo$').match('foo\nx')).toBe(false);
  });
  it('. stops only at \\n (JS also stops at \\r, U+2028)', () => {
    expect(re('a.b').match('a\rb')).toBe(true);
    expect(re('a.b').match('a\u2028b')).toBe(true);
  });
  it('(?m) ^ and $ do not treat \\r as a line break', () => {
    expect(re('(?m)^a$').search('a\r\nb')).toBe(false);
    expect(re('(?m)^b$').search('a\nb\nc')).toBe(true);
  });
  it('named groups and backreferences (?P<n>) (?P=n)', () => {
    expect(re('(?P<x>ab)-(?P=x)').match('ab-ab')).toBe(true);
    expect(re('(?P<x>ab)-(?P=x)').match('ab-ba')).toBe(false);
  });
  it('\\A and \\Z', () => {
    expect(re('\\Aab\\Z').match('ab')).toBe(true);
    expect(re('ab\\Z').match('ab\n')).toBe(false);
  });
  it('{,n} is a quantifier in Python, literal text in JS', () => {
    expect(re('a{,2}b').match('aab')).toBe(true);
    expect(re('a{,2}b').match('b')).toBe(true);
    expect(re('x{,}y').match('xxxy')).toBe(true);
  });
  it('a literal { that is not a quantifier is accepted (never the u flag)', () => {
    expect(re('a{b').match('a{b')).toBe(true);
    expect(re('{foo}').match('{foo}')).toBe(true);
  });
  it('a leading ] in a class is literal', () => {
    expect(re('[]a]+').match(']a]')).toBe(true);
    expect(re('[^]a]').match('b')).toBe(true);
    expect(re('[^]a]').match(']')).toBe(false);
  });
  it('comments (?#...) are removed', () => {
    expect(re('a(?#note)b').match('ab')).toBe(true);
  });
  it('escapes JS reads differently: \\a is BEL, \\c \\k \\u are letters in Python 2', () => {
    expect(re('\\a').match('\x07')).toBe(true);
    expect(re('\\u0041').match('u0041')).toBe(true);
    expect(re('\\c').match('c')).toBe(true);
  });
  it('untranslatable or invalid patterns are reported, not thrown', () => {
    expect(compilePyRegex('(?(1)a|b)')).toMatchObject({ ok: false, error: expect.stringMatching(/conditional/) });
    expect(compilePyRegex('a[')).toMatchObject({ ok: false });
    expect(compilePyRegex('(')).toMatchObject({ ok: false });
    expect(compilePyRegex('a**')).toMatchObject({ ok: false });
    expect(compilePyRegex('\\')).toMatchObject({ ok: false });
  });
});

describe('character classes Python 2 reads as ASCII', () => {
  it('\\s and \\S are ASCII whitespace only (no NBSP), in and out of classes', () => {
    expect(re('a\\sb').match('a\u00a0b')).toBe(false);
    expect(re('a\\sb').match('a\tb')).toBe(true);
    expect(re('a\\Sb').match('a\u00a0b')).toBe(true);
    expect(re('a[\\sx]b').match('a\u00a0b')).toBe(false);
    expect(re('a[\\sx]b').match('a\vb')).toBe(true);
  });
});
