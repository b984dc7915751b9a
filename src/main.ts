/**
 * `j2a` command line (entered through cli.ts): a thin layer over the library API. Each area registers its own subcommands.
 * Exit codes: 0 clean, 1 ran but with errors/failed projects, 2 invalid input or usage.
 */
import { CommanderError } from 'commander';
import { buildProgram } from './program.js';

async function main(argv: string[]): Promise<void> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end with exitCode 0; usage errors with 2 (commander uses 1).
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    process.stderr.write(`j2a: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  }
}

await main(process.argv);
