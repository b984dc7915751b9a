/**
 * Per project: one stage (and one Blubber variant) per translated job, with names made unique within the
 * project. The same job in several Zuul pipelines keeps one stage. Pure.
 */
import type { JobTranslation, ParityEntry, StagePlan, VariantPlan } from '../convert/types.js';

/** The stage and variant a job contributes to this project. */
export interface JobStage {
  job: string;
  stage: StagePlan;
  variant?: VariantPlan;
}

export interface ProjectStages {
  byJob: Map<string, JobStage>;
  /** variants in first-use order, names unique */
  variants: VariantPlan[];
  /** `job -> old name -> new name` for every rename (reported as info) */
  renames: { job: string; from: string; to: string }[];
}

function unique(base: string, taken: (n: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}-${i}`)) return `${base}-${i}`;
}

/** Stage names PipelineLib reserves for its own graph (pipelinelib-and-blubber.md §2.1). */
const RESERVED_STAGES = new Set(['setup', 'teardown']);

export function assignStages(entries: readonly ParityEntry[], translationOf: (job: string) => JobTranslation | undefined): ProjectStages {
  const byJob = new Map<string, JobStage>();
  const stageNames = new Set<string>();
  const variantByName = new Map<string, { plan: VariantPlan; key: string }>();
  const variants: VariantPlan[] = [];
  const renames: ProjectStages['renames'] = [];
  for (const e of entries) {
    if ((e.outcome !== 'translated' && e.outcome !== 'partial') || byJob.has(e.job)) continue;
    const t = translationOf(e.job);
    if (!t?.stage) continue;
    let build = t.stage.build;
    let variant: VariantPlan | undefined;
    if (t.variant) {
      const key = JSON.stringify(t.variant);
      const same = [...variantByName.values()].find((v) => v.key === key);
      if (same) {
        variant = same.plan;
      } else {
        const name = unique(t.variant.name, (n) => variantByName.has(n));
        if (name !== t.variant.name) renames.push({ job: e.job, from: t.variant.name, to: name });
        variant = { ...t.variant, name };
        variantByName.set(name, { plan: variant, key });
        variants.push(variant);
      }
      if (build === t.variant.name) build = variant.name;
    }
    const name = unique(t.stage.name, (n) => stageNames.has(n) || RESERVED_STAGES.has(n));
    if (name !== t.stage.name) renames.push({ job: e.job, from: t.stage.name, to: name });
    stageNames.add(name);
    byJob.set(e.job, { job: e.job, stage: { ...t.stage, name, build }, variant });
  }
  return { byJob, variants, renames };
}
