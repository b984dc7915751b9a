import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { parse } from 'yaml';
import { Quoted, dumpYaml, dumpYamlList } from '../../src/emit/yaml.js';

/** What SnakeYAML (YAML 1.1) would read: the `yaml` package in 1.1 mode. */
const load11 = (text: string) => parse(text, { version: '1.1' });

describe('dumpYaml', () => {
  it('writes block maps and lists, flow for short scalar lists, keys in insertion order', () => {
    const text = dumpYaml({ pipelines: { test: { blubberfile: 'blubber.yaml', stages: [{ name: 'a', build: 'a', run: true }] } }, z: ['tox', '-e', 'py3'] });
    expect(text).toBe(
      ['pipelines:', '  test:', '    blubberfile: blubber.yaml', '    stages:', '      - name: a', '        build: a', '        run: true', "z: [tox, '-e', py3]", ''].join('\n'),
    );
  });
  it('quotes every string that YAML 1.1 or 1.2 would read as something else', () => {
    const values = ['yes', 'No', 'on', 'OFF', 'y', 'n', 'null', '~', '1', '0x1F', '1_000', '2019-10-29', '1:20', '.inf', '', ' lead', 'a: b', '#x', '*', '${setup.tag}', "it's", 'tab\there', 'multi\nline', 'line\u2028sep', 'bell\u0007', 'ünïcødé', '-e', '[a]', '{b}'];
    const doc = { values, env: { A: new Quoted('1'), B: new Quoted('*') } };
    const text = dumpYaml(doc);
    const plain = { values, env: { A: '1', B: '*' } };
    expect(load(text)).toEqual(plain);
    expect(load11(text)).toEqual(plain);
    expect(text).toContain("A: '1'");
    expect(text).toContain("B: '*'");
  });
  it('keeps numbers and booleans typed, lists of maps and nested lists readable', () => {
    const doc = { n: 3, b: false, arcs: [['a', 'b'], ['c']], list: [{ x: { y: [1, 2] } }, { long: Array.from({ length: 20 }, (_, i) => `item-number-${i}`) }], empty: [], none: {} };
    expect(load(dumpYaml(doc))).toEqual(doc);
    expect(load11(dumpYaml(doc))).toEqual(doc);
  });
  it('writes a top-level list', () => {
    const list = [{ project: { name: 'x', jobs: ['trigger-{name}-pipeline-{pipeline}'] } }];
    expect(load(dumpYamlList(list))).toEqual(list);
  });
});
