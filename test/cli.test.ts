import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/shared.js';

const tsx = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), ...args], { encoding: 'utf8' });

describe('j2a CLI conventions', () => {
  it('--help lists the commands and exits 0', () => {
    const r = tsx(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: j2a/);
    for (const c of ['jjb', 'zuul', 'convert']) expect(r.stdout).toContain(c);
  });
  it('an unknown option is a usage error: exit 2', () => {
    const r = tsx(['--no-such-flag']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
  });
  it('the package declares the j2a bin', () => {
    const pkg = JSON.parse(execFileSync('cat', [path.join(repoRoot, 'package.json')], { encoding: 'utf8' }));
    expect(pkg.bin.j2a).toBe('dist/cli.js');
  });
});
