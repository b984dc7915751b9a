import type { Command } from 'commander';
import { formatDiagnostic, hasErrors, sortDiagnostics } from '../diagnostics.js';
import { runExamples } from './examples.js';
import { DEFAULT_RULES_DIR, loadRules } from './load.js';

/** Registers `j2a rules check`: validate every rule file and run their examples. Exit 2 invalid, 1 failing examples. */
export function registerRulesCommand(program: Command): void {
  const rules = program.command('rules').description('translation rules (rules/*.yaml)');
  rules
    .command('check')
    .description('validate every rule file (all errors with file:line) and run the worked examples')
    .option('--rules <dir>', 'rule directory', DEFAULT_RULES_DIR)
    .action((opts: { rules: string }) => {
      const loaded = loadRules(opts.rules);
      const problems = sortDiagnostics([...loaded.diagnostics, ...(hasErrors(loaded.diagnostics) ? [] : runExamples(loaded.rules))]);
      for (const d of problems) process.stderr.write(`${formatDiagnostic(d)}\n`);
      const { rules: list, examples } = loaded.rules;
      const files = new Set(list.map((r) => r.source.file)).size;
      process.stdout.write(`${files} rule files, ${list.length} rules, ${examples.length} examples: ${problems.length ? `${problems.length} problems` : 'ok'}\n`);
      if (hasErrors(loaded.diagnostics)) process.exitCode = 2;
      else if (problems.length) process.exitCode = 1;
    });
}
