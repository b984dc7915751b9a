import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/tmp.js';
import { escapeBraces, isLazyPath, missingIncludeMarker } from './include.js';
import { loadJjb, type LoadJjbOptions } from './load.js';
import { JinjaTemplate, LazyInclude, type LoadedJjb, type YamlMap, type YamlValue } from './types.js';

/** tmp/outside.txt (outside the roots) and tmp/corpus/<files> (the corpus root). */
function corpus(files: Record<string, string>): { top: string; root: string } {
  const top = tempDir('j2a-jjb-include-');
  const root = path.join(top, 'corpus');
  writeFileSync(path.join(top, 'outside.txt'), 'SECRET');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return { top, root };
}

/** Loads jjb/ of a corpus whose jjb/a.yaml holds one job with `v: <value>`. */
function loadValue(value: string, files: Record<string, string> = {}, opts: LoadJjbOptions = {}) {
  const c = corpus({ 'jjb/a.yaml': `- job:\n    name: j\n    v: ${value}\n`, ...files });
  const loaded = loadJjb(['jjb'], { root: c.root, ...opts });
  const job = loaded.byKind.get('job')?.get('j')?.data as YamlMap | undefined;
  return { loaded, v: job?.v as YamlValue, ...c };
}

const diag = (l: LoadedJjb) => l.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line}`);

describe('include tags (jjb-expansion.md §11)', () => {
  it('!include: parses the file as YAML with the same tags and the includer\'s search path', () => {
    const { loaded, v } = loadValue('!include: inc/data.yaml.inc', {
      'jjb/inc/data.yaml.inc': '- 0755\n- yes\n- !include-raw: raw.sh\n- !include-raw: own.sh\n',
      'jjb/raw.sh': 'echo hi\n',
      'jjb/inc/own.sh': 'not searched',
    });
    // JJB's nested loader searches include_path, the *including* file's directory and `.`, not inc/.
    expect(diag(loaded)).toEqual(['warning jjb-include-missing jjb/inc/data.yaml.inc:4']);
    expect(v).toEqual([493, true, 'echo hi\n', 'MISSING-INCLUDE(own.sh)']);
  });
  it('!include-raw: inserts the text (universal newlines), a list joined with "\\n"', () => {
    const files = { 'jjb/a.sh': 'a1\r\na2\n', 'jjb/b.sh': 'b' };
    expect(loadValue('!include-raw: a.sh', files).v).toBe('a1\na2\n');
    expect(loadValue('!include-raw: [a.sh, b.sh]', files).v).toBe('a1\na2\n\nb');
  });
  it('!include-raw-escape: doubles every brace', () => {
    expect(loadValue('!include-raw-escape: a.sh', { 'jjb/a.sh': 'x{y}z ${HOME}' }).v).toBe('x{{y}}z ${{HOME}}');
    expect(escapeBraces('{{}')).toBe('{{{{}}');
  });
  it('the search path is include_path, then the including file directory, then `.`', () => {
    const files = { 'jjb/s.sh': 'from jjb', 's.sh': 'from root', 'lib/s.sh': 'from lib' };
    expect(loadValue('!include-raw: s.sh', files).v).toBe('from root');
    expect(loadValue('!include-raw: s.sh', files, { includePath: ['lib'] }).v).toBe('from lib');
    expect(loadValue('!include-raw: s.sh', { 'jjb/s.sh': 'from jjb' }).v).toBe('from jjb');
  });
  it('!include-jinja2:, !j2: and !j2-yaml: give JinjaTemplates with the tag line', () => {
    const { loaded, v } = loadValue('[!include-jinja2: t.j2, !j2: "{{ a }}", !j2-yaml: "b: 1"]', { 'jjb/t.j2': '{% if x %}y{% endif %}' });
    expect(loaded.diagnostics).toEqual([]);
    const src = { file: 'jjb/a.yaml', line: 3 };
    expect(v).toEqual([
      new JinjaTemplate('include-jinja2', '{% if x %}y{% endif %}', src),
      new JinjaTemplate('j2', '{{ a }}', src),
      new JinjaTemplate('j2-yaml', 'b: 1', src),
    ]);
  });
  it('!include-jinja2: of a list renders like JJB: each file a template, results joined with "\\n"', () => {
    const { v } = loadValue('!include-jinja2: [a.j2, b.j2]', { 'jjb/a.j2': 'A\n', 'jjb/b.j2': 'B\n' });
    expect((v as JinjaTemplate).text).toBe('A\nB');
  });
  it('!join: joins the raw scalar texts at load time', () => {
    expect(loadValue("!join: [',', [a, 0755, yes]]").v).toBe('a,0755,yes');
    expect(diag(loadValue('!join: [a]').loaded)).toEqual(['error jjb-join-bad-arg jjb/a.yaml:3']);
  });
  it('colon-less spellings still work, with a warning', () => {
    const { loaded, v } = loadValue('!include-raw a.sh', { 'jjb/a.sh': 'A' });
    expect(v).toBe('A');
    expect(diag(loaded)).toEqual(['warning jjb-include-deprecated-tag jjb/a.yaml:3']);
  });
});

describe('missing include files (jjb-expansion.md §12)', () => {
  it('give the MISSING-INCLUDE marker (no newline) and a warning at the tag line', () => {
    const { loaded, v } = loadValue('\n      !include-raw:\n        - x.bash\n        - y.bash');
    expect(v).toBe('MISSING-INCLUDE(x.bash)\nMISSING-INCLUDE(y.bash)');
    expect(diag(loaded)).toEqual(['warning jjb-include-missing jjb/a.yaml:4', 'warning jjb-include-missing jjb/a.yaml:4']);
    expect(loaded.diagnostics[0]!.message).toContain("'x.bash'");
  });
  it('for !include-jinja2: the marker is the template text; for !include: a string value', () => {
    expect(loadValue('!include-jinja2: p.groovy').v).toEqual(
      new JinjaTemplate('include-jinja2', 'MISSING-INCLUDE(p.groovy)', { file: 'jjb/a.yaml', line: 3 }),
    );
    expect(loadValue('!include: d.yaml').v).toBe('MISSING-INCLUDE(d.yaml)');
    expect(missingIncludeMarker('a b')).toBe('MISSING-INCLUDE(a b)');
  });
});

describe('include-path confinement (jjb-expansion.md §13)', () => {
  const refused = (value: string, setup?: (top: string, root: string) => void) => {
    const c = corpus({ 'jjb/a.yaml': `- job:\n    name: j\n    v: ${value}\n` });
    setup?.(c.top, c.root);
    const loaded = loadJjb(['jjb'], { root: c.root });
    const v = (loaded.byKind.get('job')!.get('j')!.data as YamlMap).v;
    expect(diag(loaded)).toEqual(['error jjb-include-outside-root jjb/a.yaml:3']);
    return v;
  };
  it('`../x` escaping the roots is refused, even though the file exists', () => {
    expect(refused('!include-raw: ../outside.txt')).toBe('MISSING-INCLUDE(../outside.txt)');
  });
  it('`jjb/../../x` is refused', () => {
    expect(refused('!include-raw: jjb/../../outside.txt')).toBe('MISSING-INCLUDE(jjb/../../outside.txt)');
  });
  it('an absolute path outside every root is refused', () => {
    expect(refused('!include-raw: /etc/passwd')).toBe('MISSING-INCLUDE(/etc/passwd)');
  });
  it('a symlink pointing outside is refused', () => {
    const v = refused('!include-raw: link.txt', (top, root) => symlinkSync(path.join(top, 'outside.txt'), path.join(root, 'jjb/link.txt')));
    expect(v).toBe('MISSING-INCLUDE(link.txt)');
  });
  it('`~/x` is refused', () => {
    expect(refused('!include-raw: ~/x')).toBe('MISSING-INCLUDE(~/x)');
  });
  it('a missing path that would escape is refused too, not merely missing', () => {
    expect(refused('!include-raw: ../../nowhere.sh')).toBe('MISSING-INCLUDE(../../nowhere.sh)');
  });
  it('`..` that stays inside and an absolute path inside a root are fine', () => {
    const c = corpus({ 'jjb/a.yaml': '', 'scripts/s.sh': 'S' });
    writeFileSync(
      path.join(c.root, 'jjb/a.yaml'),
      `- job:\n    name: j\n    v: [!include-raw: ../scripts/s.sh, !include-raw: ${path.join(c.root, 'scripts/s.sh')}]\n`,
    );
    const loaded = loadJjb(['jjb'], { root: c.root });
    expect(loaded.diagnostics).toEqual([]);
    expect((loaded.byKind.get('job')!.get('j')!.data as YamlMap).v).toEqual(['S', 'S']);
  });
});

describe('lazy include paths (jjb-expansion.md §11)', () => {
  it('a path with a {placeholder} becomes a LazyInclude, resolved later without formatting', () => {
    const { loaded, v, root } = loadValue('!include-raw-escape: "{name}.sh"', { 'jjb/foo.sh': 'echo {x}' });
    expect(loaded.diagnostics).toEqual([]);
    const where = { file: 'jjb/a.yaml', line: 3 };
    expect(v).toEqual(new LazyInclude('include-raw', ['{name}.sh'], path.join(root, 'jjb/a.yaml'), where));
    const lazy = v as LazyInclude;
    expect(loaded.resolveInclude(['foo.sh'], lazy.tag, lazy.fromFile, lazy.source, lazy.paths)).toEqual({ value: 'echo {x}', diagnostics: [] });
    const missing = loaded.resolveInclude(['bar.sh'], lazy.tag, lazy.fromFile, lazy.source, lazy.paths);
    expect(missing.value).toBe('MISSING-INCLUDE({name}.sh)');
    expect(missing.diagnostics.map((d) => d.code)).toEqual(['jjb-include-missing']);
  });
  it('resolveInclude stays confined', () => {
    const { loaded, root } = loadValue('1');
    const r = loaded.resolveInclude(['../../outside.txt'], 'include-raw', path.join(root, 'jjb/a.yaml'), { file: 'jjb/a.yaml', line: 3 });
    expect(r.value).toBe('MISSING-INCLUDE(../../outside.txt)');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['jjb-include-outside-root']);
  });
  it('isLazyPath follows str.format(): only named fields are lazy', () => {
    expect(isLazyPath('{name}.sh')).toBe(true);
    expect(isLazyPath('a/{x.y}.sh')).toBe(true);
    expect(isLazyPath('{{name}}.sh')).toBe(false);
    expect(isLazyPath('plain.sh')).toBe(false);
    expect(isLazyPath('{0}.sh')).toBe(false);
  });
});
