/** Small helpers for reading layout values the way Zuul 2.5 (Python) does. */

export type Dict = Record<string, unknown>;

export function isDict(v: unknown): v is Dict {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Zuul's `toList`: None -> [], a list as is, anything else -> [x]. */
export function toList(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** Python truthiness of a YAML value. */
export function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isDict(v)) return Object.keys(v).length > 0;
  return true;
}

/** Python `str()` of a YAML scalar (for `str.format` parameters and regex sources). */
export function pyStr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : pyFloat(v);
  return String(v);
}

function pyFloat(v: number): string {
  const s = String(v);
  return s.includes('e') || s.includes('.') ? s : `${s}.0`;
}

export function strings(v: unknown): string[] {
  return toList(v).map((x) => (typeof x === 'string' ? x : pyStr(x)));
}
