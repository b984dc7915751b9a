/** Turns a schema-valid rule file into compiled rules and examples, checking what a schema cannot. */
import type { Diagnostic } from '../diagnostics.js';
import { ruleDiagnostic } from './codes.js';
import type { EmitTemplate, JobFacts, RuleExample, RuleMatch, TranslationRule } from './types.js';

type RawPatterns = string | string[];
type RawMatch = Record<string, RawPatterns | Record<string, RawPatterns>>;
interface RawExample {
  job: Record<string, unknown> & { name: string; image?: string; entrypoint?: string; args?: string };
  rule: string;
  expect: Record<string, unknown>;
}
export interface RawRuleFile {
  id: string;
  description: string;
  ecosystem?: string;
  rules: { name: string; description?: string; match: RawMatch; except?: RawMatch; emit: EmitTemplate }[];
  examples: RawExample[];
}
interface Ctx {
  file: string;
  stem: string;
  lineOf: (path: readonly (string | number)[], key?: string) => number;
  reasons: Record<string, string>;
}

/** Template names always available besides the rule's named groups. */
export const BUILTIN_VALUES = ['job', 'template', 'image', 'entrypoint', 'args'] as const;
const GROUP_RE = /\(\?<([A-Za-z_$][\w$]*)>/g;
export const TEMPLATE_RE = /\{\{\s*(\*?)([\w.-]+)\s*\}\}/g;

function asList(p: RawPatterns): string[] {
  return typeof p === 'string' ? [p] : p;
}

function compileMatch(raw: RawMatch, at: (string | number)[], ctx: Ctx, diags: Diagnostic[], groups: Set<string>): RuleMatch {
  const out: Record<string, unknown> = {};
  const compile = (src: string, where: (string | number)[]): RegExp | undefined => {
    for (const m of src.matchAll(GROUP_RE)) groups.add(m[1] ?? '');
    try {
      return new RegExp(src);
    } catch (e) {
      diags.push(ruleDiagnostic('rule-bad-regex', `${src}: ${(e as Error).message}`, { file: ctx.file, line: ctx.lineOf(where) }));
      return undefined;
    }
  };
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'templateParams') {
      const params: Record<string, RegExp[]> = {};
      for (const [param, pats] of Object.entries(value as Record<string, RawPatterns>)) {
        params[param] = asList(pats).flatMap((s, i) => compile(s, [...at, key, param, i]) ?? []);
      }
      out[key] = params;
    } else {
      out[key] = asList(value as RawPatterns).flatMap((s, i) => compile(s, [...at, key, i]) ?? []);
    }
  }
  return out as RuleMatch;
}

function templateNames(value: unknown, acc: string[] = []): string[] {
  if (typeof value === 'string') for (const m of value.matchAll(TEMPLATE_RE)) acc.push(m[2] ?? '');
  else if (Array.isArray(value)) for (const v of value) templateNames(v, acc);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) templateNames([k, v], acc);
  return acc;
}

function checkEmit(emit: EmitTemplate, at: (string | number)[], ctx: Ctx, diags: Diagnostic[]): void {
  const line = ctx.lineOf([...at, 'emit']);
  const bad = (detail: string): void => void diags.push(ruleDiagnostic('rule-outcome-fields', detail, { file: ctx.file, line }));
  const runs = emit.outcome === 'translated' || emit.outcome === 'partial';
  if (runs && (!emit.stage || !emit.variant)) bad(`${emit.outcome} needs stage and variant`);
  if (!runs && (emit.stage || emit.variant || emit.losses)) bad(`${emit.outcome} takes no stage, variant or losses`);
  if (!runs && !emit.reason) bad(`${emit.outcome} needs a reason`);
  if (emit.outcome === 'partial' && !emit.losses?.length) bad('partial needs at least one loss');
  if (emit.outcome === 'translated' && emit.losses?.length) bad('translated takes no losses (use partial)');
  if (emit.reason !== undefined && !(emit.reason in ctx.reasons)) {
    diags.push(ruleDiagnostic('rule-unknown-reason', emit.reason, { file: ctx.file, line: ctx.lineOf([...at, 'emit', 'reason']) }));
  }
}

function exampleFacts(job: RawExample['job']): Partial<JobFacts> & { name: string } {
  const { image, entrypoint, args, ...rest } = job;
  const facts = rest as Partial<JobFacts> & { name: string };
  if (image !== undefined) {
    facts.invocations = [...(facts.invocations ?? []), { image, entrypoint: entrypoint ?? '', args: args ?? '' }];
  }
  facts.invocations = (facts.invocations ?? []).map((i) => ({ image: i.image, entrypoint: i.entrypoint ?? '', args: i.args ?? '' }));
  return facts;
}

export function compileRuleFile(
  raw: RawRuleFile,
  skip: { rules: Set<number>; examples: Set<number> },
  ctx: Ctx,
): { rules: TranslationRule[]; examples: RuleExample[]; diagnostics: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  if (raw.id !== ctx.stem) {
    diags.push(ruleDiagnostic('rule-file-id', `'${raw.id}' in ${ctx.stem}.yaml`, { file: ctx.file, line: ctx.lineOf(['id']) }));
  }
  const names = new Set<string>();
  const rules: TranslationRule[] = [];
  raw.rules.forEach((r, i) => {
    const at = ['rules', i];
    const line = ctx.lineOf(at);
    if (skip.rules.has(i)) {
      if (typeof r?.name === 'string') names.add(r.name);
      return;
    }
    if (names.has(r.name)) diags.push(ruleDiagnostic('rule-duplicate-name', r.name, { file: ctx.file, line }));
    names.add(r.name);
    const groups = new Set<string>(BUILTIN_VALUES);
    const match = compileMatch(r.match, [...at, 'match'], ctx, diags, groups);
    const except = r.except ? compileMatch(r.except, [...at, 'except'], ctx, diags, new Set()) : undefined;
    for (const n of templateNames(r.emit)) {
      if (!groups.has(n)) diags.push(ruleDiagnostic('rule-unknown-group', `{{${n}}}`, { file: ctx.file, line: ctx.lineOf([...at, 'emit']) }));
    }
    checkEmit(r.emit, at, ctx, diags);
    rules.push({
      id: `${raw.id}/${r.name}`,
      name: r.name,
      ecosystem: raw.ecosystem ?? raw.id,
      match,
      ...(except ? { except } : {}),
      emit: r.emit,
      source: { file: ctx.file, line },
    });
  });
  const examples: RuleExample[] = [];
  raw.examples.forEach((ex, i) => {
    if (skip.examples.has(i)) return;
    const line = ctx.lineOf(['examples', i]);
    if (!names.has(ex.rule)) diags.push(ruleDiagnostic('rule-example-rule', ex.rule, { file: ctx.file, line }));
    examples.push({ fileId: raw.id, job: exampleFacts(ex.job), rule: ex.rule, expect: ex.expect, source: { file: ctx.file, line } });
  });
  return { rules, examples, diagnostics: diags };
}
