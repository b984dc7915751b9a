/** Public API of the JJB stage: load YAML like JJB 4.x, expand jobs, expand macros. */
export { loadJjb, type LoadJjbOptions } from './load.js';
export { readJjbConf, parseJjbConf } from './conf.js';
export { expandJobs, type ExpandResult } from './expand.js';
export { expandMacros, type MacroResult } from './macros.js';
export { deepFormat, formatString, FormatError, type FormatOptions } from './format.js';
export { renderJinja } from './jinja.js';
export { pyRepr, pyStr } from './pyrepr.js';
export { toPyJson } from './pyjson.js';
export { JJB_CODES, jjbDiagnostic, type JjbCode } from './codes.js';
export * from './types.js';
