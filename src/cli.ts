#!/usr/bin/env node
/**
 * `j2a` command line: a thin layer over the library API. Each area registers its own subcommands.
 * Exit codes: 0 clean, 1 ran but with errors/failed projects, 2 invalid input or usage.
 */
import { setFlagsFromString } from 'node:v8';
import { CommanderError } from 'commander';
import { buildProgram } from './program.js';

// A run keeps most of what it allocates (loaded YAML, expanded jobs) until it exits: let the young
// generation grow quickly so that fewer scavenges copy those objects (GC tuning only; the areas'
// modules are imported after this line). Expanding the JJB corpus: 15 scavenges -> 5.
setFlagsFromString('--semi-space-growth-factor=16');

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
