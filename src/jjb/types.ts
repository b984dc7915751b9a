/**
 * The contract between the JJB loader (load.ts, include.ts, ../yaml/pyyaml.ts) and the expander
 * (format.ts, expand.ts, macros.ts, jinja.ts). Plain data plus a few marker classes for values
 * whose meaning is decided at format time.
 */
import type { Diagnostic, SourceLocation } from '../diagnostics.js';

/**
 * A YAML value as PyYAML builds it. Mappings are plain objects in insertion order (JJB builds ordered
 * dicts); an alias is the *same* JS object as its anchor (JJB mutates shared lists in place).
 * Values that Python prints differently from JavaScript have marker classes (PyFloat, PyDate).
 */
export type YamlValue =
  | string
  | number
  | boolean
  | null
  | PyFloat
  | PyDate
  | YamlValue[]
  | YamlMap
  | JinjaTemplate
  | LazyInclude;
export interface YamlMap {
  [key: string]: YamlValue;
}

/** A YAML float whose value is integral (`3.0`): Python prints it `3.0`, JavaScript `3`. Other floats are numbers. */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** A YAML 1.1 timestamp such as `2019-10-29`; Python prints it as `2019-10-29` (str) or `datetime.date(2019, 10, 29)` (repr). */
export class PyDate {
  constructor(readonly text: string) {}
}

/**
 * `!include-jinja2:`, `!j2:` or `!j2-yaml:`: Jinja2 text rendered at format time with the context
 * (or macro args). For `!include-jinja2:` the loader has already read the file (or put the
 * MISSING-INCLUDE marker); `text` is the template source either way.
 */
export class JinjaTemplate {
  constructor(
    readonly tag: 'include-jinja2' | 'j2' | 'j2-yaml',
    readonly text: string,
    readonly source: SourceLocation,
  ) {}
}

/**
 * An include whose path contains a `{placeholder}` (JJB tests `path.format()`): resolved at format
 * time with the context; the loaded text is then NOT formatted (jjb-expansion.md §11).
 */
export class LazyInclude {
  constructor(
    readonly tag: 'include' | 'include-raw' | 'include-raw-escape' | 'include-raw-expand' | 'include-jinja2',
    /** paths exactly as written (a list for `!include-raw: [a, b]`) */
    readonly paths: string[],
    /** the YAML file that holds the tag, absolute */
    readonly fromFile: string,
    readonly source: SourceLocation,
  ) {}
}

/** `[job_builder]` settings of JJB's ini file (`--conf`), with JJB's defaults. */
export interface JjbOptions {
  /** Include search roots, absolute. JJB default: `.` (the directory j2a runs in / the corpus root). */
  includePath: string[];
  allowEmptyVariables: boolean;
  allowDuplicates: boolean;
  keepDescriptions: boolean;
  retainAnchors: boolean;
}

/** One top-level entry: `- <kind>: {...}`. */
export interface JjbItem {
  /** 'job' | 'job-template' | 'project' | 'job-group' | 'defaults' | macro kinds ('builder', 'publisher', ...) | others */
  kind: string;
  /** `id` if present, else `name` (how JJB keys entries within a kind) */
  key: string;
  data: YamlMap;
  /** file relative to the first input root, line of the `- <kind>:` item */
  source: SourceLocation;
}

/** What loadJjb() returns. */
export interface LoadedJjb {
  /** every item, in load order (files sorted by name, items in file order) */
  items: JjbItem[];
  /** items by kind, then key; duplicates are diagnostics and keep the first */
  byKind: Map<string, Map<string, JjbItem>>;
  files: string[];
  options: JjbOptions;
  /**
   * Reads an include at format time (lazy paths, already formatted), confined to the include roots.
   * `asWritten` (the LazyInclude's paths) go into MISSING-INCLUDE markers; default: `paths`.
   * Returns what the tag gives at load time: YAML data, text, or a JinjaTemplate (`include-jinja2`).
   */
  resolveInclude: (
    paths: string[],
    tag: LazyInclude['tag'],
    fromFile: string,
    source: SourceLocation,
    asWritten?: readonly string[],
  ) => { value: YamlValue; diagnostics: Diagnostic[] };
  diagnostics: Diagnostic[];
}

/** One generated job, in JJB generation order. */
export interface ExpandedJob {
  name: string;
  /** the job dict as JJB 4.x expandYaml() returns it (before macro expansion) */
  job: YamlMap;
  /** the template it came from (raw template name), absent for plain jobs */
  template?: string;
  /** the JJB project that generated it, absent for plain jobs */
  project?: string;
  /** where the job or job-template is defined */
  source: SourceLocation;
}
