/**
 * JJB's ini configuration (`jenkins-jobs --conf FILE`), section `[job_builder]`, read like Python's
 * configparser: `key = value` or `key: value`, keys case-insensitive, `#`/`;` comment lines,
 * indented continuation lines, booleans 1/yes/true/on and 0/no/false/off (any case).
 *
 *   readJjbConf(file, cwd?) -> { options, diagnostics }   (only the settings present)
 *   parseJjbConf(text, file, cwd?) -> same, from text
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { jjbDiagnostic } from './codes.js';
import type { JjbOptions } from './types.js';

const BOOLEAN_STATES: Record<string, boolean> = { '1': true, yes: true, true: true, on: true, '0': false, no: false, false: false, off: false };

type BoolOption = Exclude<keyof JjbOptions, 'includePath'>;
const BOOL_KEYS: Record<string, BoolOption> = {
  allow_empty_variables: 'allowEmptyVariables',
  allow_duplicates: 'allowDuplicates',
  keep_descriptions: 'keepDescriptions',
  retain_anchors: 'retainAnchors',
};

/** Sections -> options (lower-cased) -> values, as configparser reads them (no interpolation beyond `%%`). */
export function parseIni(text: string, file: string, diagnostics: Diagnostic[]): Map<string, Map<string, { value: string; line: number }>> {
  const sections = new Map<string, Map<string, { value: string; line: number }>>();
  let current: Map<string, { value: string; line: number }> | undefined;
  let last: { value: string; line: number } | undefined;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    const stripped = raw.trim();
    if (stripped === '' || stripped.startsWith('#') || stripped.startsWith(';')) {
      if (stripped === '') last = undefined;
      return;
    }
    if (/^\s/.test(raw) && last) {
      last.value += `\n${stripped}`;
      return;
    }
    const section = /^\[([^\]]+)\]/.exec(stripped);
    if (section) {
      const name = section[1]!;
      if (sections.has(name)) diagnostics.push(jjbDiagnostic('jjb-bad-conf', `section '${name}' already exists`, { file, line }));
      current = sections.get(name) ?? new Map();
      sections.set(name, current);
      last = undefined;
      return;
    }
    const m = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(stripped);
    if (!m || !current) {
      diagnostics.push(jjbDiagnostic('jjb-bad-conf', m ? 'option outside any section' : `cannot parse line ${JSON.stringify(raw)}`, { file, line }));
      last = undefined;
      return;
    }
    const key = m[1]!.toLowerCase();
    if (current.has(key)) diagnostics.push(jjbDiagnostic('jjb-bad-conf', `option '${key}' already exists`, { file, line }));
    last = { value: m[2]!, line };
    current.set(key, last);
  });
  return sections;
}

export function parseJjbConf(text: string, file: string, cwd: string = process.cwd()): { options: Partial<JjbOptions>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const options: Partial<JjbOptions> = {};
  const section = parseIni(text, file, diagnostics).get('job_builder');
  if (!section) return { options, diagnostics };
  for (const [key, { value: raw, line }] of section) {
    const value = raw.replace(/%%/g, '%');
    if (key === 'include_path') {
      options.includePath = value.split(':').map((p) => path.resolve(cwd, p));
      continue;
    }
    const name = BOOL_KEYS[key];
    if (!name) continue;
    const b = BOOLEAN_STATES[value.toLowerCase()];
    if (b === undefined) diagnostics.push(jjbDiagnostic('jjb-bad-conf', `${key}: Not a boolean: ${value}`, { file, line }));
    else options[name] = b;
  }
  return { options, diagnostics };
}

export function readJjbConf(file: string, cwd: string = process.cwd()): { options: Partial<JjbOptions>; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { options: {}, diagnostics: [jjbDiagnostic('jjb-bad-conf', `cannot read '${file}'`, { file })] };
  }
  return parseJjbConf(text, file, cwd);
}
