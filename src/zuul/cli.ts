import type { Command } from 'commander';

/** Registers `j2a zuul ...`. Placeholder until the zuul stage lands. */
export function registerZuulCommands(program: Command): void {
  program.command('zuul').description('zuul commands (not yet available)');
}
