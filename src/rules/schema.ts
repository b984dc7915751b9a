/** JSON schemas for rules/*.yaml and rules/_vocabulary.yaml (validated with ajv, all errors at once). */
import { LOSSES } from '../convert/types.js';
import { MATCH_KEYS } from './types.js';

const OUTCOMES = ['translated', 'partial', 'unsupported', 'already-migrated', 'skipped'];
const lossNames = Object.keys(LOSSES);
const str = { type: 'string' } as const;
const strList = { type: 'array', items: str } as const;
const patterns = { anyOf: [str, { type: 'array', items: str, minItems: 1 }] };

const matchBlock = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: Object.fromEntries(
    MATCH_KEYS.map((k) => [
      k,
      k === 'templateParams' ? { type: 'object', minProperties: 1, additionalProperties: patterns } : patterns,
    ]),
  ),
};

const stage = {
  type: 'object',
  required: ['name', 'build', 'run'],
  additionalProperties: false,
  properties: {
    name: str,
    build: str,
    run: {
      anyOf: [
        { const: true },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            arguments: strList,
            env: { type: 'object', additionalProperties: str },
            credentials: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'name'],
                additionalProperties: false,
                properties: { id: str, name: str },
              },
            },
          },
        },
      ],
    },
  },
};

const variant = {
  type: 'object',
  required: ['entrypoint'],
  additionalProperties: false,
  properties: {
    name: str,
    base: str,
    builders: { type: 'array', items: { type: 'object', minProperties: 1, maxProperties: 1 } },
    extra: { type: 'object' },
    entrypoint: strList,
  },
};

const emit = {
  type: 'object',
  required: ['outcome'],
  additionalProperties: false,
  properties: {
    outcome: { enum: OUTCOMES },
    losses: { type: 'array', items: { enum: lossNames }, uniqueItems: true },
    reason: str,
    detail: str,
    stage,
    variant,
    pipelineHint: str,
  },
};

const exampleJob = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: str,
    template: str,
    templateParams: { type: 'object', additionalProperties: str },
    image: str,
    entrypoint: str,
    args: str,
    invocations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['image'],
        additionalProperties: false,
        properties: { image: str, entrypoint: str, args: str },
      },
    },
    builderMacros: strList,
    shells: strList,
    node: str,
    projectType: str,
    publishers: strList,
    wrappers: strList,
    triggers: strList,
    wrapperArgs: { type: 'array', items: { type: 'array', minItems: 2, maxItems: 2 } },
    parameters: strList,
  },
};

export const RULE_FILE_SCHEMA = {
  type: 'object',
  required: ['id', 'description', 'rules', 'examples'],
  additionalProperties: false,
  properties: {
    id: str,
    description: str,
    ecosystem: str,
    rules: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'match', 'emit'],
        additionalProperties: false,
        properties: { name: str, description: str, match: matchBlock, except: matchBlock, emit },
      },
    },
    examples: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['job', 'rule', 'expect'],
        additionalProperties: false,
        properties: { job: exampleJob, rule: str, expect: { type: 'object' } },
      },
    },
  },
};

export const VOCABULARY_SCHEMA = {
  type: 'object',
  required: ['components', 'timeout', 'credentials', 'reasons'],
  additionalProperties: false,
  properties: {
    description: str,
    components: { type: 'object', additionalProperties: { anyOf: [{ enum: lossNames }, { type: 'null' }] } },
    parameters: { type: 'object', additionalProperties: { enum: lossNames } },
    timeout: {
      type: 'object',
      required: ['wrapper', 'maxMinutes'],
      additionalProperties: false,
      properties: { wrapper: str, maxMinutes: { type: 'number' } },
    },
    credentials: {
      type: 'object',
      required: ['wrapper', 'allowed'],
      additionalProperties: false,
      properties: { wrapper: str, allowed: strList },
    },
    reasons: { type: 'object', additionalProperties: str },
  },
};
