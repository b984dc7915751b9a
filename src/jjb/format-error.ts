/**
 * A formatting failure that JJB would raise (KeyError turned into "X parameter missing to format S",
 * ValueError from str.format, Jinja's UndefinedError...). Internal to the expander: callers catch it
 * at the job boundary and turn it into a Diagnostic.
 */
export class FormatError extends Error {
  override name = 'FormatError';
  constructor(
    message: string,
    /** the undefined key, for "parameter missing" errors */
    readonly missingKey?: string,
  ) {
    super(message);
  }
}
