/**
 * Loads JJB YAML as JJB 4.3.0's YamlParser.load_files/_parse_fp does (jjb-expansion.md §1, §11–13):
 * files and directories (direct *.yaml/*.yml entries in code-point order), each real file once,
 * top level a list of one-key mappings, entries keyed by `id` else `name` within their kind.
 *
 *   loadJjb(['jjb'], { root: corpusRoot }) -> LoadedJjb
 *
 * Input paths and `.` are relative to `root` (default: the current directory), which plays the part
 * of the directory JJB runs in. Paths in diagnostics and SourceLocations are relative to `root`.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { newAnchorScope, sourceOf, type AnchorScope } from '../yaml/pyyaml.js';
import { jjbDiagnostic } from './codes.js';
import { readText, realDirs } from './include.js';
import { loadIncludes, parseJjbYaml, searchPathFor, type TagEnv } from './load-tags.js';
import type { JjbItem, JjbOptions, LoadedJjb, YamlMap, YamlValue } from './types.js';
import { JinjaTemplate, LazyInclude, PyDate, PyFloat } from './types.js';

export interface LoadJjbOptions extends Partial<JjbOptions> {
  /** JJB's current directory: base of relative inputs, `.` in the search path, and of shown paths */
  root?: string;
  /** directories an include may be read from; default: root, the include_path entries and the input directories */
  includeRoots?: string[];
}

export const DEFAULT_JJB_OPTIONS: Readonly<JjbOptions> = {
  includePath: [],
  allowEmptyVariables: false,
  allowDuplicates: false,
  keepDescriptions: false,
  retainAnchors: false,
};

/** Python code-point string order (JavaScript's default sort compares UTF-16 code units). */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** JJB's files_to_process + unique_files: real paths, each once, in order. */
function expandInputs(inputs: readonly string[], root: string, show: (f: string) => string, diagnostics: Diagnostic[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(root, input);
    if (isDir(abs)) {
      const names = readdirSync(abs).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'));
      for (const f of names.sort(compareCodePoints)) files.push(path.join(abs, f));
    } else files.push(abs);
  }
  const unique: string[] = [];
  for (const f of files) {
    let real: string;
    try {
      real = realpathSync.native(f);
    } catch {
      diagnostics.push(jjbDiagnostic('jjb-input-missing', `'${show(f)}'`, { file: show(f) }));
      continue;
    }
    if (!unique.includes(real)) unique.push(real);
  }
  return unique;
}

/** Python's type() name, for "must be a list, not a <class '...'>". */
function pyTypeName(v: YamlValue): string {
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (v instanceof PyFloat) return 'float';
  if (v instanceof PyDate) return v.text.includes(' ') ? 'datetime.datetime' : 'datetime.date';
  if (v instanceof JinjaTemplate || v instanceof LazyInclude) return 'jenkins_jobs.local_yaml.CustomLoader';
  return v === null ? 'NoneType' : 'collections.OrderedDict';
}

function isMap(v: YamlValue | undefined): v is YamlMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

function pyTruthy(v: YamlValue): boolean {
  if (v instanceof PyFloat) return v.value !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return v !== null && v !== '' && v !== 0 && v !== false;
}

function pyStr(v: YamlValue | undefined): string {
  if (v === undefined || v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (v instanceof PyFloat) return Number.isInteger(v.value) ? v.value.toFixed(1) : String(v.value);
  if (v instanceof PyDate) return v.text;
  return JSON.stringify(v);
}

/** _parse_fp's loop over the top-level items of one file. */
function addItems(data: YamlValue, shown: string, loaded: LoadedJjb, lineOf: (v: object) => number | undefined): void {
  const diagnostics = loaded.diagnostics;
  if (!pyTruthy(data)) return; // `if data:`
  if (!Array.isArray(data)) {
    const detail = `'${shown}', not a <class '${pyTypeName(data)}'>`;
    diagnostics.push(jjbDiagnostic('jjb-not-a-list', detail, { file: shown, line: 1 }));
    return;
  }
  for (const item of data) {
    const where: SourceLocation = { file: shown };
    const line = typeof item === 'object' && item !== null ? lineOf(item) : undefined;
    if (line !== undefined) where.line = line;
    const keys = isMap(item) ? Object.keys(item) : [];
    if (!isMap(item) || keys.length !== 1) {
      const name = isMap(item) && 'name' in item ? pyStr(item.name) : 'None';
      diagnostics.push(jjbDiagnostic('jjb-item-syntax', `for item named '${name}'. Missing indent?`, where));
      continue;
    }
    const kind = keys[0]!;
    const dfn = item[kind];
    if (!isMap(dfn) || !('name' in dfn)) {
      diagnostics.push(jjbDiagnostic('jjb-item-no-name', `'${kind}' entry`, where));
      continue;
    }
    const key = pyStr('id' in dfn ? dfn.id : dfn.name);
    const entry: JjbItem = { kind, key, data: dfn, source: where };
    loaded.items.push(entry);
    let group = loaded.byKind.get(kind);
    if (!group) loaded.byKind.set(kind, (group = new Map()));
    if (group.has(key)) {
      const detail = `in '${shown}: '${key}' already defined`;
      if (!loaded.options.allowDuplicates) {
        diagnostics.push(jjbDiagnostic('jjb-duplicate-entry', detail, where));
        continue;
      }
      diagnostics.push(jjbDiagnostic('jjb-duplicate-entry-allowed', detail, where));
    }
    group.set(key, entry);
  }
}

export function loadJjb(inputs: readonly string[], options: LoadJjbOptions = {}): LoadedJjb {
  const { root: rootOption, includeRoots, ...rest } = options;
  const root = path.resolve(rootOption ?? process.cwd());
  const opts: JjbOptions = { ...DEFAULT_JJB_OPTIONS, ...rest };
  opts.includePath = (rest.includePath?.length ? rest.includePath : ['.']).map((p) => path.resolve(root, p));
  const show = (f: string): string => path.relative(root, f).split(path.sep).join('/') || '.';
  const diagnostics: Diagnostic[] = [];
  const inputDirs = inputs.map((i) => path.resolve(root, i)).map((a) => (isDir(a) ? a : path.dirname(a)));
  const roots = realDirs(includeRoots?.map((d) => path.resolve(root, d)) ?? [root, ...opts.includePath, ...inputDirs]);
  const files = expandInputs(inputs, root, show, diagnostics);

  const envFor = (file: string, scope: AnchorScope): TagEnv => ({
    searchPath: searchPathFor(file, opts.includePath, root),
    roots,
    cwd: root,
    fromFile: file,
    shownFile: show(file),
    scope,
    show,
    depth: 0,
  });

  const loaded: LoadedJjb = {
    items: [],
    byKind: new Map(),
    files: files.map(show),
    options: opts,
    diagnostics,
    resolveInclude(paths, tag, fromFile, source, asWritten?: readonly string[]) {
      const found: Diagnostic[] = [];
      const value = loadIncludes(tag, paths, envFor(fromFile, newAnchorScope()), source, found, asWritten ?? paths);
      return { value, diagnostics: found };
    },
  };

  const shared = newAnchorScope();
  for (const file of files) {
    const shown = show(file);
    let text: string;
    try {
      text = readText(file);
    } catch {
      diagnostics.push(jjbDiagnostic('jjb-input-unreadable', `'${shown}'`, { file: shown }));
      continue;
    }
    const r = parseJjbYaml(text, envFor(file, opts.retainAnchors ? shared : newAnchorScope()));
    diagnostics.push(...r.diagnostics);
    if (r.ok) addItems(r.value, shown, loaded, lineOfValue);
  }
  return loaded;
}

function lineOfValue(v: object): number | undefined {
  return sourceOf(v)?.line;
}
