/**
 * The commander program, separate from the process entry point so tests can drive it. Each area's
 * commands live in their own module, imported only when needed: a fresh `j2a jjb ...` process
 * should not pay for loading the Zuul resolver (and the other way round).
 */
import { Command } from 'commander';

type Register = (program: Command) => void;

/** Top-level command name -> loader of the function that registers it (and its subcommands). */
const AREAS: Record<string, () => Promise<Register>> = {
  jjb: async () => (await import('./jjb/cli.js')).registerJjbCommands,
  zuul: async () => (await import('./zuul/cli.js')).registerZuulCommands,
  convert: async () => (await import('./convert/cli.js')).registerConvertCommand,
  rules: async () => (await import('./rules/cli.js')).registerRulesCommand,
};

function baseProgram(): Command {
  return new Command()
    .name('j2a')
    .description('Migrate Wikimedia CI from Jenkins Job Builder + Zuul v2 to PipelineLib/Blubber (and Argo)')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
}

/**
 * The program for `argv` (node, script, args...): only the area named by the first argument when it
 * names one, else every area (top-level help, version, usage errors list all commands).
 */
export async function buildProgram(argv: string[] = []): Promise<Command> {
  const program = baseProgram();
  const first = argv[2];
  const names = first !== undefined && Object.hasOwn(AREAS, first) ? [first] : Object.keys(AREAS);
  for (const register of await Promise.all(names.map((n) => AREAS[n]()))) register(program);
  return program;
}
