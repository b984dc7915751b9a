import type { Command } from 'commander';

/** Registers `j2a jjb ...`. Placeholder until the jjb stage lands. */
export function registerJjbCommands(program: Command): void {
  program.command('jjb').description('jjb commands (not yet available)');
}
