/** Inline layouts for Zuul unit tests: a minimal valid layout around the given sections. */
import { parseLayout, resolveLayout, toGoldenShape, type ResolvedLayout } from '../../src/zuul/index.js';
import type { Diagnostic } from '../../src/diagnostics.js';

export const PIPELINES = `pipelines:
  - name: check
    manager: IndependentPipelineManager
    trigger:
      gerrit:
        - event: patchset-created
  - name: gate
    manager: DependentPipelineManager
    trigger:
      gerrit:
        - event: comment-added
          approval:
            - code-review: 2
`;

export interface Resolved {
  resolved: ResolvedLayout;
  diagnostics: Diagnostic[];
  golden: ReturnType<typeof toGoldenShape>;
}

export function resolveYaml(body: string, opts: { jjbJobNames?: Set<string>; pipelines?: string } = {}): Resolved {
  const parsed = parseLayout((opts.pipelines ?? PIPELINES) + body, 'layout.yaml');
  const resolved = resolveLayout(parsed.layout, opts.jjbJobNames ? { jjbJobNames: opts.jjbJobNames } : {});
  return { resolved, diagnostics: [...parsed.diagnostics, ...resolved.diagnostics], golden: toGoldenShape(resolved) };
}
