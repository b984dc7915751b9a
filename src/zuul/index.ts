/** Public API of the Zuul v2 layout stage. */
export { loadLayout, parseLayout, type ParsedLayout } from './parse.js';
export { resolveLayout, undefinedJobDiagnostics, BUILTIN_JOBS, type ResolveOptions } from './resolve.js';
export { toGoldenShape, goldenNode, type GoldenShape, type GoldenNode } from './golden.js';
export { jobRunsFor, jobsRunFor, pipelineAdmits, filtersMatch, type ChangeContext, type GerritEvent } from './runs.js';
export { compilePyRegex, translatePyRegex, PyRegexCache, type PyRegex, type PyPattern } from './pyregex.js';
export { skipIfRepr } from './jobs.js';
export { formatJobTable } from './table.js';
export { ZUUL_CODES, type ZuulCode } from './codes.js';
export type * from './types.js';
