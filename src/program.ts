/** The commander program, separate from the process entry point so tests can drive it. */
import { Command } from 'commander';
import { registerJjbCommands } from './jjb/cli.js';
import { registerZuulCommands } from './zuul/cli.js';
import { registerConvertCommand } from './convert/cli.js';
import { registerRulesCommand } from './rules/cli.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('j2a')
    .description('Migrate Wikimedia CI from Jenkins Job Builder + Zuul v2 to PipelineLib/Blubber (and Argo)')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerJjbCommands(program);
  registerZuulCommands(program);
  registerConvertCommand(program);
  registerRulesCommand(program);
  return program;
}

