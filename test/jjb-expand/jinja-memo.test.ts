/**
 * The render memo of src/jjb/jinja.ts: a render is reused only when every value the template read from its
 * context is the same. Each expectation is what Jinja2 itself renders for those parameters.
 */
import { describe, expect, it } from 'vitest';
import { renderJinjaText } from '../../src/jjb/jinja.js';
import { FormatError } from '../../src/jjb/format-error.js';

const render = (t: string, p: object): string => renderJinjaText(t, p as never);

describe('Jinja render memo', () => {
  it('follows the values actually read: branches, loops, missing names', () => {
    const t = '{% if volumes is defined %}{% for v in volumes %}[{{ v }}]{% endfor %}{% endif %}{{ image }}';
    expect(render(t, { image: 'a', other: 1 })).toBe('a');
    expect(render(t, { image: 'a', other: 2 })).toBe('a'); // `other` is never read: same render
    expect(render(t, { image: 'a', volumes: ['x', 'y'] })).toBe('[x][y]a');
    expect(render(t, { image: 'a', volumes: ['y'] })).toBe('[y]a');
    expect(render(t, { image: 'b' })).toBe('b');
    expect(render(t, { image: 'a', volumes: ['x', 'y'] })).toBe('[x][y]a');
  });

  it('tells apart values that print alike or differ only in type or key order', () => {
    const t = '{{ v }}|{{ v|string }}';
    expect(render(t, { v: 1 })).toBe('1|1');
    expect(render(t, { v: '1' })).toBe('1|1');
    expect(render(t, { v: true })).toBe('True|True');
    expect(render(t, { v: 'True' })).toBe('True|True');
    expect(render(t, { v: null })).toBe('None|None');
    expect(render('{{ v + v }}', { v: 1 })).toBe('2');
    expect(render('{{ v + v }}', { v: '1' })).toBe('11');
    const m = '{% for k in d %}{{ k }}{% endfor %}';
    expect(render(m, { d: { a: 1, b: 2 } })).toBe('ab');
    expect(render(m, { d: { b: 2, a: 1 } })).toBe('ba');
  });

  it('keeps frame variables and top-level set out of the key, and never memoises an error', () => {
    const t = '{% set x = y + "!" %}{{ x }}{% for i in l %}{% set z = i %}{{ z }}{% endfor %}';
    expect(render(t, { y: 'a', l: [1, 2] })).toBe('a!12');
    expect(render(t, { y: 'b', l: [1, 2] })).toBe('b!12');
    expect(render(t, { y: 'a', l: [3] })).toBe('a!3');
    expect(() => render('{{ q }}', {})).toThrow(FormatError);
    expect(render('{{ q }}', { q: 'ok' })).toBe('ok');
    expect(() => render('{{ q }}', {})).toThrow("'q' is undefined");
  });
});
