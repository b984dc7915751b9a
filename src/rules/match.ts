/**
 * One matcher per match key, in one explicit table. A matcher returns the named groups it captured
 * (an object, possibly empty) when the key is satisfied, or null when it is not. Keys are ANDed and
 * the regexes within a key are ORed; the first regex that matches provides the captures.
 */
import type { Invocation, JobFacts, MatchKey, RuleMatch } from './types.js';

export type Captures = Record<string, string>;
type Matcher = (facts: JobFacts, patterns: NonNullable<RuleMatch[MatchKey]>) => Captures | null;

function groups(m: RegExpExecArray): Captures {
  const out: Captures = {};
  for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) out[k] = v;
  return out;
}

/** First regex matching any of the values. */
function anyOf(values: readonly string[], patterns: RegExp[]): Captures | null {
  for (const re of patterns) {
    for (const v of values) {
      const m = re.exec(v);
      if (m) return groups(m);
    }
  }
  return null;
}

function list(patterns: unknown): RegExp[] {
  return patterns as RegExp[];
}

function invocationField(field: keyof Invocation): Matcher {
  return (facts, patterns) => anyOf(facts.invocations.map((i) => i[field]), list(patterns));
}

export const MATCHERS: readonly (readonly [MatchKey, Matcher])[] = [
  ['jobName', (f, p) => anyOf([f.jobName], list(p))],
  ['template', (f, p) => anyOf([f.template], list(p))],
  [
    'templateParams',
    (f, p) => {
      const out: Captures = {};
      for (const [param, res] of Object.entries(p as Record<string, RegExp[]>)) {
        const value = f.templateParams[param];
        if (value === undefined) return null;
        const c = anyOf([value], res);
        if (!c) return null;
        Object.assign(out, c);
      }
      return out;
    },
  ],
  ['image', invocationField('image')],
  ['entrypoint', invocationField('entrypoint')],
  ['args', invocationField('args')],
  ['builderMacro', (f, p) => anyOf(f.builderMacros, list(p))],
  ['shell', (f, p) => anyOf(f.shells, list(p))],
  ['node', (f, p) => anyOf([f.node], list(p))],
  ['projectType', (f, p) => anyOf([f.projectType], list(p))],
  ['publisher', (f, p) => anyOf(f.publishers, list(p))],
  ['wrapper', (f, p) => anyOf(f.wrappers, list(p))],
  ['trigger', (f, p) => anyOf(f.triggers, list(p))],
];

/** Captures of all keys when every key of `match` is satisfied, else null. */
export function matchBlock(facts: JobFacts, match: RuleMatch): Captures | null {
  const out: Captures = {};
  for (const [key, matcher] of MATCHERS) {
    const patterns = match[key];
    if (patterns === undefined) continue;
    const c = matcher(facts, patterns);
    if (!c) return null;
    Object.assign(out, c);
  }
  return out;
}

/**
 * The container run the rule is about: the first invocation satisfying all of the rule's
 * image/entrypoint/args patterns; the last invocation (the main step of most jobs) when the rule
 * has no such pattern or none satisfies them all.
 */
export function primaryInvocation(facts: JobFacts, match: RuleMatch): Invocation | undefined {
  if (!match.image && !match.entrypoint && !match.args) return facts.invocations.at(-1);
  const fits = (re: RegExp[] | undefined, v: string): boolean => !re || re.some((r) => r.test(v));
  const found = facts.invocations.find(
    (i) => fits(match.image, i.image) && fits(match.entrypoint, i.entrypoint) && fits(match.args, i.args),
  );
  return found ?? facts.invocations.at(-1);
}
