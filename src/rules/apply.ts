/**
 * Applies a matched rule: fills `{{group}}` templates, derives losses generically from the job's
 * components (classified in rules/_vocabulary.yaml), and builds the JobTranslation.
 */
import { LOSSES, type JobTranslation, type Loss, type StagePlan, type VariantPlan } from '../convert/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { ruleDiagnostic } from './codes.js';
import { TEMPLATE_RE } from './compile.js';
import { primaryInvocation, type Captures } from './match.js';
import { splitWords } from './words.js';
import type { JobFacts, TranslationRule, Vocabulary } from './types.js';

interface Fill {
  values: Captures;
  diagnostics: Diagnostic[];
  job: string;
}

function fillString(s: string, f: Fill): string {
  return s.replace(TEMPLATE_RE, (_m, _star: string, name: string) => f.values[name] ?? '');
}

/** A list item that is exactly `{{*name}}` splices the shell words of that value. */
function fill(value: unknown, f: Fill): unknown {
  if (typeof value === 'string') return fillString(value, f);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const splice = typeof item === 'string' ? /^\{\{\s*\*([\w.-]+)\s*\}\}$/.exec(item) : null;
      if (!splice) {
        out.push(fill(item, f));
        continue;
      }
      const raw = f.values[splice[1] ?? ''] ?? '';
      const words = splitWords(raw);
      if (words === null) {
        f.diagnostics.push(ruleDiagnostic('rule-args-unsplittable', raw, { job: f.job }));
        out.push(raw.trim());
      } else out.push(...words);
    }
    return out;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [fillString(k, f), fill(v, f)]));
  }
  return value;
}

function credentialIds(value: unknown, acc: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) credentialIds(v, acc);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'credential-id' && typeof v === 'string') acc.push(v);
      else credentialIds(v, acc);
    }
  }
  return acc;
}

/** Losses the job's own components imply, whatever the rule says. */
export function deriveLosses(facts: JobFacts, vocab: Vocabulary, job: string): { losses: Loss[]; diagnostics: Diagnostic[] } {
  const losses = new Set<Loss>();
  const diagnostics: Diagnostic[] = [];
  for (const name of [...facts.builderMacros, ...facts.publishers, ...facts.wrappers]) {
    const loss = vocab.components[name];
    if (loss === undefined) diagnostics.push(ruleDiagnostic('rule-unknown-component', name, { job, data: { component: name } }));
    else if (loss !== null) losses.add(loss);
  }
  for (const name of facts.parameters) {
    const loss = vocab.parameters[name];
    if (loss) losses.add(loss);
  }
  for (const [name, args] of facts.wrapperArgs) {
    if (name === vocab.timeout.wrapper) {
      const raw = (args as { timeout?: unknown } | undefined)?.timeout;
      // PyFloat-like markers carry the number in `value`
      const minutes = Number(raw !== null && typeof raw === 'object' && 'value' in raw ? raw.value : raw);
      // a non-numeric timeout (`${BUILD_TIMEOUT}`) cannot be shown to fit the limit
      if (!(minutes <= vocab.timeout.maxMinutes)) losses.add('timeout');
    }
    if (name === vocab.credentials.wrapper && credentialIds(args).some((id) => !vocab.credentials.allowed.includes(id))) {
      losses.add('credentials');
    }
  }
  return { losses: [...losses], diagnostics };
}

function orderLosses(list: Iterable<Loss>): Loss[] {
  const set = new Set(list);
  return (Object.keys(LOSSES) as Loss[]).filter((l) => set.has(l));
}

export function applyRule(
  rule: TranslationRule,
  facts: JobFacts,
  captures: Captures,
  vocab: Vocabulary,
): { translation: JobTranslation; diagnostics: Diagnostic[] } {
  const inv = primaryInvocation(facts, rule.match);
  const values: Captures = {
    job: facts.jobName,
    template: facts.template,
    image: inv?.image ?? '',
    entrypoint: inv?.entrypoint ?? '',
    args: inv?.args ?? '',
    ...captures,
  };
  const f: Fill = { values, diagnostics: [], job: facts.jobName };
  const emit = rule.emit;
  const t: JobTranslation = {
    job: facts.jobName,
    outcome: emit.outcome,
    ruleId: rule.id,
    ruleSource: rule.source,
    ecosystem: rule.ecosystem,
    losses: [],
  };
  if (emit.reason !== undefined) {
    const detail = emit.detail ? ` ${fillString(emit.detail, f)}` : '';
    t.reason = { code: emit.reason, message: `${vocab.reasons[emit.reason] ?? ''}${detail}` };
  }
  if (emit.stage && emit.variant) {
    const stage = fill(emit.stage, f) as StagePlan;
    const v = fill(emit.variant, f) as Partial<VariantPlan> & { entrypoint: string[] };
    t.stage = stage;
    t.variant = {
      name: v.name ?? stage.build,
      base: v.base ?? values.image ?? '',
      ...(v.builders ? { builders: v.builders } : {}),
      ...(v.extra ? { extra: v.extra } : {}),
      entrypoint: v.entrypoint,
    };
    const derived = deriveLosses(facts, vocab, facts.jobName);
    f.diagnostics.push(...derived.diagnostics);
    t.losses = orderLosses([...(emit.losses ?? []), ...derived.losses]);
    if (t.outcome === 'translated' && t.losses.length) t.outcome = 'partial';
  }
  if (emit.pipelineHint !== undefined) t.pipelineHint = fillString(emit.pipelineHint, f);
  if (Object.keys(captures).length) t.captures = captures;
  return { translation: t, diagnostics: f.diagnostics };
}
