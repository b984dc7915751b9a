import { describe, expect, it } from 'vitest';
import { CODE_TABLES, DIAGNOSTIC_CODES } from './codes.js';
import { makeDiagnostic } from './diagnostics.js';

describe('diagnostic code table', () => {
  it('no code is defined by two areas, and each starts with its area prefix', () => {
    const seen = new Map<string, string>();
    for (const [area, table] of Object.entries(CODE_TABLES)) {
      for (const code of Object.keys(table)) {
        expect(seen.get(code), `${code} defined by ${seen.get(code)} and ${area}`).toBeUndefined();
        seen.set(code, area);
        expect(code.startsWith(area === 'rules' ? 'rule-' : `${area}-`), code).toBe(true);
      }
    }
    expect(Object.keys(DIAGNOSTIC_CODES).length).toBe(seen.size);
  });
  it('every code has a severity and a non-empty fixed message', () => {
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(['error', 'warning', 'info'], code).toContain(info.severity);
      expect(info.message.length, code).toBeGreaterThan(0);
    }
  });
  it('makeDiagnostic appends the detail and drops undefined location fields', () => {
    const d = makeDiagnostic({ severity: 'warning', message: 'fixed' }, 'x-code', 'detail', { file: 'a.yaml', line: undefined });
    expect(d).toEqual({ code: 'x-code', severity: 'warning', message: 'fixed: detail', file: 'a.yaml' });
  });
});
