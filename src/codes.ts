/**
 * Every diagnostic code of j2a in one table (code -> fixed severity and message), joined from the areas'
 * tables, so reports and docs can group the same problem across projects.
 */
import type { CodeInfo } from './diagnostics.js';
import { CONVERT_CODES } from './convert/codes.js';
import { JJB_CODES } from './jjb/codes.js';
import { RULE_CODES } from './rules/codes.js';
import { YAML_CODES } from './yaml/codes.js';
import { ZUUL_CODES } from './zuul/codes.js';

export const CODE_TABLES: Readonly<Record<string, Readonly<Record<string, CodeInfo>>>> = {
  yaml: YAML_CODES,
  jjb: JJB_CODES,
  zuul: ZUUL_CODES,
  rules: RULE_CODES,
  convert: CONVERT_CODES,
};

export const DIAGNOSTIC_CODES: Readonly<Record<string, CodeInfo>> = Object.assign({}, ...Object.values(CODE_TABLES));
