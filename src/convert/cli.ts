import type { Command } from 'commander';

/** Registers `j2a convert`. Placeholder until the conversion stage lands. */
export function registerConvertCommand(program: Command): void {
  program.command('convert').description('convert an integration/config checkout (not yet available)');
}
