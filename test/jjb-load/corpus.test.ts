import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadJjb } from '../../src/jjb/load.js';
import { JinjaTemplate, type YamlMap } from '../../src/jjb/types.js';
import { goldenDir, hasShared, sharedCorpus, warnIfNoShared } from '../helpers/shared.js';

warnIfNoShared('JJB loader corpus test');

describe.skipIf(!hasShared)('loading the real corpus jjb/ (shared/corpus/integration-config)', () => {
  const loaded = hasShared ? loadJjb(['jjb'], { root: sharedCorpus }) : undefined!;

  it('loads 38 files with the item counts of the golden README and no errors', () => {
    expect(loaded.files).toHaveLength(38);
    expect(loaded.files).toContain('jjb/operations-puppet-catalog-compiler.yml');
    const counts = Object.fromEntries([...loaded.byKind].map(([k, m]) => [k, m.size]));
    expect(counts).toEqual({
      'job-template': 97,
      project: 144,
      job: 41,
      'job-group': 3,
      defaults: 2,
      builder: 17,
      publisher: 15,
    });
    expect(loaded.items).toHaveLength(319);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports exactly the 8 missing includes named in the golden README', () => {
    const readme = readFileSync(path.join(goldenDir, 'README.md'), 'utf8');
    const missing = loaded.diagnostics.filter((d) => d.code === 'jjb-include-missing');
    const names = [...new Set(missing.map((d) => /'([^']+)'/.exec(d.message)![1]!))].sort();
    expect(names).toEqual([
      'assert-no-mediawiki-errors.bash',
      'castor-define-namespace.bash',
      'castor-save-workspacecache.bash',
      'maintenance-disconnect-full-disks.groovy',
      'maintenance-sample-workspace-sizes.groovy',
      'publish-to-prometheus.sh',
      'qemu-run.bash',
      'service-pipeline-builder.groovy',
    ]);
    for (const n of names) expect(readme).toContain(`\`${n}\``);
    expect(loaded.diagnostics.every((d) => d.code === 'jjb-include-missing' && d.severity === 'warning')).toBe(true);
  });

  it('puts the markers where JJB would read the files', () => {
    const tpl = [...loaded.byKind.get('job-template')!.values()].find((i) => i.key === '{name}-pipeline-{pipeline}');
    expect(tpl?.data.dsl).toEqual(
      new JinjaTemplate('include-jinja2', 'MISSING-INCLUDE(service-pipeline-builder.groovy)', { file: 'jjb/service-pipeline.yaml', line: 38 }),
    );
    const joined = JSON.stringify([...loaded.byKind.get('job')!.values()].map((i) => i.data));
    expect(joined).toContain('MISSING-INCLUDE(castor-define-namespace.bash)\\nMISSING-INCLUDE(castor-save-workspacecache.bash)');
  });

  it('keeps merge-key sharing: a merged template shares the anchor values', () => {
    const templates = [...loaded.byKind.get('job-template')!.values()].map((i) => i.data as YamlMap);
    const shared = templates.filter((t) => templates.some((u) => u !== t && Object.keys(t).some((k) => typeof t[k] === 'object' && t[k] !== null && t[k] === u[k])));
    expect(shared.length).toBeGreaterThan(0);
  });
});
