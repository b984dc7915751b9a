/**
 * JJB 4.x's custom YAML tags (jenkins_jobs/local_yaml.py) as a TagHandler for parsePyYaml:
 * `!include:`, `!include-raw:`, `!include-raw-escape:`, `!include-raw-expand:`, `!include-jinja2:`,
 * `!j2:`, `!j2-yaml:`, `!join:`, and the deprecated colon-less `!include`, `!include-raw`,
 * `!include-raw-escape` (same meaning, plus a warning).
 */
import path from 'node:path';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { parsePyYaml, type AnchorScope, type TaggedNode, type TagHandler } from '../yaml/pyyaml.js';
import { jjbDiagnostic } from './codes.js';
import { escapeBraces, isLazyPath, readInclude, type IncludeEnv } from './include.js';
import { JinjaTemplate, LazyInclude, type YamlValue } from './types.js';

export type IncludeTag = LazyInclude['tag'];

/** What the tag handler of one YAML file needs. */
export interface TagEnv extends IncludeEnv {
  /** absolute path of the YAML file holding the tags */
  fromFile: string;
  /** the file as shown in diagnostics (relative to the root) */
  shownFile: string;
  /** anchor namespace of the including document (JJB shares it with included YAML) */
  scope: AnchorScope;
  /** how to show an absolute path in diagnostics */
  show(file: string): string;
  depth: number;
}

const MAX_INCLUDE_DEPTH = 32;

const DEPRECATED: Record<string, string> = {
  '!include': '!include:',
  '!include-raw': '!include-raw:',
  '!include-raw-escape': '!include-raw-escape:',
};

const INCLUDE_TAGS: Record<string, IncludeTag | 'include-raw-escape'> = {
  '!include:': 'include',
  '!include-raw:': 'include-raw',
  '!include-raw-escape:': 'include-raw-escape',
  '!include-raw-expand:': 'include-raw-expand',
  '!include-jinja2:': 'include-jinja2',
};

/** Re-codes a `yaml-*` diagnostic of the generic loader into the JJB table (`jjb-yaml-*`). */
export function toJjbDiagnostic(d: Diagnostic): Diagnostic {
  return d.code.startsWith('yaml-') ? { ...d, code: `jjb-${d.code}` } : d;
}

/** Parses JJB YAML text with JJB's tags; diagnostics already in the JJB table. */
export function parseJjbYaml(text: string, env: TagEnv): { value: YamlValue; ok: boolean; diagnostics: Diagnostic[] } {
  const r = parsePyYaml(text, env.shownFile, { tags: jjbTagHandler(env), anchors: env.scope });
  return { value: r.value, ok: r.ok, diagnostics: r.diagnostics.map(toJjbDiagnostic) };
}

function includePaths(node: TaggedNode, where: SourceLocation, diagnostics: Diagnostic[]): string[] | undefined {
  if (node.kind === 'scalar') return [node.text ?? ''];
  if (node.kind === 'seq' && node.items!.every((i) => i.kind === 'scalar')) return node.items!.map((i) => i.text ?? '');
  diagnostics.push(jjbDiagnostic('jjb-include-bad-arg', `${node.tag} on a ${node.kind === 'map' ? 'mapping' : 'nested list'}`, where));
  return undefined;
}

/**
 * Loads includes now (not lazily): the value JJB's constructor returns. Used at load time and, for
 * lazy paths, at format time (then `shown` are the paths as written, for the markers).
 */
export function loadIncludes(
  tag: IncludeTag | 'include-raw-escape',
  paths: readonly string[],
  env: TagEnv,
  where: SourceLocation,
  diagnostics: Diagnostic[],
  shown: readonly string[] = paths,
): YamlValue {
  if (tag === 'include') {
    const values = paths.map((p, i) => includeYaml(p, env, where, diagnostics, shown[i]));
    if (values.length === 1 && paths.length === 1) return values[0]!;
    if (values.every((v): v is string => typeof v === 'string')) return values.join('\n');
    diagnostics.push(jjbDiagnostic('jjb-include-bad-arg', '!include: of a list needs text results to join', where));
    return null;
  }
  const texts = paths.map((p, i) => readInclude(p, env, where, diagnostics, shown[i]).text);
  if (tag === 'include-jinja2') {
    // JJB renders each file as its own template (Jinja drops one trailing newline of each) and joins
    // the results with "\n"; one template of the trimmed texts joined renders the same.
    const trimmed = texts.length > 1 ? texts.map((t) => t.replace(/\r?\n$/, '')) : texts;
    return new JinjaTemplate('include-jinja2', trimmed.join('\n'), where);
  }
  const text = texts.join('\n');
  return tag === 'include-raw-escape' ? escapeBraces(text) : text;
}

function includeYaml(p: string, env: TagEnv, where: SourceLocation, diagnostics: Diagnostic[], shown = p): YamlValue {
  if (env.depth >= MAX_INCLUDE_DEPTH) {
    diagnostics.push(jjbDiagnostic('jjb-include-recursive', `'${p}'`, where));
    return null;
  }
  const read = readInclude(p, env, where, diagnostics, shown);
  if (!read.file) return read.text;
  // JJB loads the text with the including loader's search path, to which the new loader appends `.`.
  const nested: TagEnv = {
    ...env,
    searchPath: [...env.searchPath, env.cwd],
    fromFile: read.file,
    shownFile: env.show(read.file),
    depth: env.depth + 1,
  };
  const r = parseJjbYaml(read.text, nested);
  diagnostics.push(...r.diagnostics);
  return r.value;
}

function handleInclude(tag: IncludeTag | 'include-raw-escape', node: TaggedNode, env: TagEnv, where: SourceLocation, diagnostics: Diagnostic[]): YamlValue {
  const paths = includePaths(node, where, diagnostics);
  if (!paths) return null;
  if (paths.some(isLazyPath)) {
    // With a lazy path, `!include-raw-escape:` acts like `!include-raw:` (JJB logs a warning).
    const lazyTag = tag === 'include-raw-escape' ? 'include-raw' : tag;
    return new LazyInclude(lazyTag, paths, env.fromFile, where);
  }
  return loadIncludes(tag, paths, env, where, diagnostics);
}

function join(node: TaggedNode, where: SourceLocation, diagnostics: Diagnostic[]): YamlValue {
  const [delim, list] = node.items ?? [];
  const parts = list?.items;
  if (node.kind !== 'seq' || delim?.kind !== 'scalar' || list?.kind !== 'seq' || !parts?.every((p) => p.kind === 'scalar')) {
    diagnostics.push(jjbDiagnostic('jjb-join-bad-arg', '', where));
    return null;
  }
  // JJB joins the scalars' raw text (node.value), never their resolved values.
  return parts.map((p) => p.text ?? '').join(delim.text ?? '');
}

/** The TagHandler for one JJB YAML file. */
export function jjbTagHandler(env: TagEnv): TagHandler {
  return (node, ctx) => {
    const where: SourceLocation = { file: ctx.file, line: ctx.line };
    let tag = node.tag;
    const replacement = DEPRECATED[tag];
    if (replacement) {
      ctx.diagnostics.push(
        jjbDiagnostic('jjb-include-deprecated-tag', `tag '${tag}' is deprecated, switch to using '${replacement}'`, where),
      );
      tag = replacement;
    }
    const include = INCLUDE_TAGS[tag];
    if (include) return handleInclude(include, node, env, where, ctx.diagnostics);
    if (tag === '!j2:' || tag === '!j2-yaml:') {
      if (node.kind !== 'scalar') {
        ctx.diagnostics.push(jjbDiagnostic('jjb-include-bad-arg', `${tag} needs a string`, where));
        return null;
      }
      return new JinjaTemplate(tag === '!j2:' ? 'j2' : 'j2-yaml', node.text ?? '', where);
    }
    if (tag === '!join:') return join(node, where, ctx.diagnostics);
    return undefined;
  };
}

/** Search path of a YAML file (§11): include_path entries, the file's directory, then `.`. */
export function searchPathFor(file: string, includePath: readonly string[], cwd: string): string[] {
  return [...includePath, path.dirname(file), cwd];
}
