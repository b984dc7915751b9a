/** Macro expansion (jjb-expansion.md §10) and Jinja2 rendering (§11) on small inline cases. */
import { describe, expect, it } from 'vitest';
import { renderJinjaText } from '../../src/jjb/jinja.js';
import { FormatError } from '../../src/jjb/format.js';
import { expandWithMacros } from './helpers.js';

describe('macros (§10)', () => {
  it('formats a macro called with args with exactly those args; arg-less bodies are not formatted', () => {
    const { byName, diagnostics } = expandWithMacros(`
- builder:
    name: greet
    builders:
      - shell: 'hello {who} {{x}}'
- builder:
    name: raw
    builders:
      - shell: 'raw {who} {{x}}'
- job-template:
    name: '{name}-t'
    builders:
      - greet: {who: '{name}'}
      - raw
      - raw: {}
- project: {name: p, jobs: ['{name}-t']}
`);
    expect(diagnostics).toEqual([]);
    expect(byName['p-t'].builders).toEqual([
      { shell: 'hello p {x}' },
      { shell: 'raw {who} {{x}}' },
      { shell: 'raw {who} {{x}}' },
    ]);
  });
  it('does not see template variables inside a macro body', () => {
    const { byName, diagnostics } = expandWithMacros(`
- builder: {name: m, builders: [{shell: '{a} {b}'}]}
- job-template: {name: t, b: B, builders: [{m: {a: A}}]}
- project: {name: p, jobs: [t]}
`);
    expect(byName.t.builders).toEqual([{ shell: '{a} {b}' }]); // the failing component is kept unformatted
    expect(diagnostics.map((d) => d.code)).toEqual(['jjb-macro-error']);
    expect(diagnostics[0].message).toContain('b parameter missing to format {a} {b}');
  });
  it('nested calls: inner args are formatted with the outer args, the inner body with the inner args', () => {
    const { byName } = expandWithMacros(`
- builder: {name: inner, builders: [{shell: 'in {x}'}]}
- builder: {name: outer, builders: [{inner: {x: '{y}!'}}, {shell: 'out {y}'}]}
- job: {name: j, builders: [{outer: {y: Y}}]}
`);
    expect(byName.j.builders).toEqual([{ shell: 'in Y!' }, { shell: 'out Y' }]);
  });
  it('macros win over built-ins (masking)', () => {
    const { byName, diagnostics } = expandWithMacros(`
- builder: {name: shell, builders: [{trigger-builds: [{project: x}]}]}
- job: {name: j, builders: [{shell: 'ignored'}]}
`);
    expect(diagnostics).toEqual([]);
    expect(byName.j.builders).toEqual([{ 'trigger-builds': [{ project: 'x' }] }]);
  });
  it('!j2: in the body of an arg-less macro renders against an empty context', () => {
    const { byName, diagnostics } = expandWithMacros(`
- builder:
    name: j2
    builders:
      - shell: !j2: '{{ "a" + "b" }}{% if v is defined %}{{ v }}{% endif %} {x}'
- job: {name: j, builders: [j2]}
`);
    expect(diagnostics).toEqual([]);
    expect(byName.j.builders).toEqual([{ shell: 'ab {x}' }]);
  });
  it('renders !j2: against the call args', () => {
    const { byName } = expandWithMacros(`
- builder: {name: run, builders: [{shell: !j2: "{% for k, v in env.items() %}{{ k }}={{ v }} {% endfor %}{{ flag }}"}]}
- job: {name: j, builders: [{run: {env: {A: 1, B: 'x y'}, flag: true}}]}
`);
    expect(byName.j.builders).toEqual([{ shell: 'A=1 B=x y True' }]);
  });
  it('unknown macro names give the JJB message; known built-ins pass', () => {
    const { byName, diagnostics } = expandWithMacros(`
- job: {name: j, builders: [nope, {shell: x}], publishers: [archive]}
`);
    expect(byName.j.builders).toEqual(['nope', { shell: 'x' }]);
    expect(diagnostics.map((d) => d.code)).toEqual(['jjb-unknown-macro']);
    expect(diagnostics[0].message).toContain("Unknown entry point or macro 'nope' for component type: 'builder'.");
  });
  it('a macro cycle is a diagnostic, not a hang', () => {
    const { diagnostics } = expandWithMacros(`
- builder: {name: a, builders: [b]}
- builder: {name: b, builders: [a]}
- job: {name: j, builders: [a]}
`);
    expect(diagnostics.map((d) => d.code)).toEqual(['jjb-macro-cycle']);
    expect(diagnostics[0].message).toContain('a -> b -> a');
  });
  it('expands builders inside postbuildscript build-steps and conditional-step steps', () => {
    const { byName } = expandWithMacros(`
- builder: {name: m, builders: [{shell: 'm'}]}
- publisher:
    name: p
    publishers:
      - postbuildscript:
          builders:
            - build-on: [SUCCESS]
              build-steps: [m, {conditional-step: {steps: [m]}}]
- job: {name: j, publishers: [p]}
`);
    expect(byName.j.publishers).toEqual([
      {
        postbuildscript: {
          builders: [{ 'build-on': ['SUCCESS'], 'build-steps': [{ shell: 'm' }, { 'conditional-step': { steps: [{ shell: 'm' }] } }] }],
        },
      },
    ]);
  });
});

describe('Jinja2 like JJB configures it (§11)', () => {
  const render = (t: string, p: Record<string, never> | object = {}): string => renderJinjaText(t, p as never);
  it('StrictUndefined: undefined names raise with Jinja wording; is defined and default work', () => {
    expect(() => render('{{ x }}')).toThrow(FormatError);
    expect(() => render('{{ x }}')).toThrow("'x' is undefined");
    expect(render('{% if x is defined %}d{% else %}u{% endif %}{{ y | default }}')).toBe('u');
    expect(() => render('{% if x %}yes{% endif %}')).toThrow("'x' is undefined");
    expect(() => render('{% if True %}{% elif x %}{% endif %}')).not.toThrow();
    expect(render('{%- if v is defined and v|length -%} [{{ v }}] {%- endif %}', { v: 'a' })).toBe('[a]');
  });
  it('drops exactly one trailing newline; -%} trims', () => {
    expect(render('a\n\n')).toBe('a\n');
    expect(render('{% block b -%}\n  x\n{% endblock %}\n')).toBe('x\n');
  });
  it('prints Python values and supports the Python methods the corpus uses', () => {
    expect(render('{{ n }} {{ b }} {{ l }} {{ v|string }}', { n: null, b: false, l: ['a'], v: 1 })).toBe("None False ['a'] 1");
    expect(render("{{ '/x'.startswith('/') }} {{ s|length }}", { s: 'abc' })).toBe('True 3');
    expect(render('{% for k in d %}{{ k }}{% endfor %}{% for (k, v) in d.items() %}{{ v }}{% endfor %}', { d: { a: 1, b: 2 } })).toBe(
      'ab12',
    );
  });
});
