/**
 * Translation rules (rules/*.yaml) as loaded, and the job facts they match against.
 * The engine knows no ecosystem: everything ecosystem-specific is in the rule files.
 */
import type { SourceLocation } from '../diagnostics.js';
import type { YamlMap } from '../jjb/types.js';
import type { Loss, Outcome } from '../convert/types.js';

/** One Jenkins job to translate; structurally compatible with ExpandedJob (src/jjb/types.ts). */
export interface JobInput {
  name: string;
  /** pre-macro job dict (JJB expandYaml shape): builders as `{macro: {args}}` or `'macro'` */
  job: YamlMap;
  /** post-macro job dict: builders as `{shell: text}`, publishers/wrappers as JJB components */
  expanded?: YamlMap;
  /** raw job-template name, absent for plain jobs */
  template?: string;
  project?: string;
  source: SourceLocation;
}

/** One container run found in the job: a builder macro call whose arguments name an `image`. */
export interface Invocation {
  image: string;
  entrypoint: string;
  args: string;
}

/** What a job is identified by, extracted generically from JobInput (see facts.ts). */
export interface JobFacts {
  jobName: string;
  template: string;
  /** template placeholders recovered by matching the template name against the job name */
  templateParams: Record<string, string>;
  invocations: Invocation[];
  builderMacros: string[];
  shells: string[];
  node: string;
  projectType: string;
  publishers: string[];
  wrappers: string[];
  triggers: string[];
  /** wrapper name -> its arguments (for the generic timeout/credentials loss derivation) */
  wrapperArgs: [string, unknown][];
  /** build parameter names */
  parameters: string[];
}

/** The fixed list of match keys. A test checks each has exactly one matcher (match.ts). */
export const MATCH_KEYS = [
  'jobName',
  'template',
  'templateParams',
  'image',
  'entrypoint',
  'args',
  'builderMacro',
  'shell',
  'node',
  'projectType',
  'publisher',
  'wrapper',
  'trigger',
] as const;
export type MatchKey = (typeof MATCH_KEYS)[number];

/** Compiled match block: regexes ORed within a key, keys ANDed. */
export interface RuleMatch {
  jobName?: RegExp[];
  template?: RegExp[];
  templateParams?: Record<string, RegExp[]>;
  image?: RegExp[];
  entrypoint?: RegExp[];
  args?: RegExp[];
  builderMacro?: RegExp[];
  shell?: RegExp[];
  node?: RegExp[];
  projectType?: RegExp[];
  publisher?: RegExp[];
  wrapper?: RegExp[];
  trigger?: RegExp[];
}

/** `emit:` as written; strings may hold `{{group}}` templates. */
export interface EmitTemplate {
  outcome: Outcome;
  losses?: Loss[];
  /** a code from the `reasons` table of rules/_vocabulary.yaml */
  reason?: string;
  /** appended to the reason's fixed sentence */
  detail?: string;
  stage?: Record<string, unknown>;
  variant?: Record<string, unknown>;
  pipelineHint?: string;
}

export interface TranslationRule {
  /** `<file id>/<rule name>` */
  id: string;
  name: string;
  ecosystem: string;
  match: RuleMatch;
  /** the rule does not match when every key of `except` matches */
  except?: RuleMatch;
  emit: EmitTemplate;
  source: SourceLocation;
}

/** A worked example from a rule file, run by the test suite. */
export interface RuleExample {
  fileId: string;
  /** job facts, any subset; missing facts are empty */
  job: Partial<JobFacts> & { name: string };
  /** expected rule name (in the same file) */
  rule: string;
  /** subset of the JobTranslation that must match */
  expect: Record<string, unknown>;
  source: SourceLocation;
}

/** rules/_vocabulary.yaml: generic loss derivation and reason codes. */
export interface Vocabulary {
  /** component (builder/publisher/wrapper/macro) name -> loss, or null for "no loss" */
  components: Record<string, Loss | null>;
  /** build parameter name -> loss (parameters set per project by Zuul parameter functions) */
  parameters: Record<string, Loss>;
  timeout: { wrapper: string; maxMinutes: number };
  credentials: { wrapper: string; allowed: string[] };
  reasons: Record<string, string>;
}

export interface RuleSet {
  rules: TranslationRule[];
  examples: RuleExample[];
  vocabulary: Vocabulary;
}
