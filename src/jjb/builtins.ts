/**
 * JJB 4.x built-in component names (entry points of jenkins_jobs.builders, .publishers, ...) that a
 * job or macro may name without a macro defining it. Every name the corpus uses is here, plus common
 * ones; a name that is neither a macro nor listed gives JJB's "Unknown entry point or macro" error.
 */
const BUILTINS: Record<string, readonly string[]> = {
  builder: [
    'ant', 'batch', 'conditional-step', 'copyartifact', 'critical-block-end', 'critical-block-start', 'docker-build-publish',
    'gradle', 'groovy', 'inject', 'maven-builder', 'maven-target', 'multijob', 'python', 'shell', 'system-groovy',
    'trigger-builds', 'trigger-remote', 'config-file-provider',
  ],
  publisher: [
    'archive', 'checkstyle', 'cloverphp', 'cobertura', 'email', 'email-ext', 'fingerprint', 'html-publisher', 'ircbot',
    'jacoco', 'junit', 'logparser', 'pmd', 'postbuildscript', 'text-finder', 'trigger', 'trigger-parameterized-builds',
    'workspace-cleanup', 'xunit', 'groovy-postbuild', 'conditional-publisher', 'flexible-publish',
  ],
  wrapper: [
    'ansicolor', 'build-name', 'build-user-vars', 'config-file-provider', 'credentials-binding', 'env-script', 'inject',
    'mask-passwords', 'pre-scm-buildstep', 'ssh-agent-credentials', 'timeout', 'timestamps', 'workspace-cleanup',
  ],
  trigger: ['gerrit', 'github', 'pollscm', 'pollurl', 'reverse', 'timed', 'zuul', 'zuul-post'],
  scm: ['git', 'repo', 'store', 'svn'],
  parameter: [
    'bool', 'choice', 'dynamic-choice', 'extended-choice', 'file', 'label', 'matrix-combinations', 'node', 'password',
    'run', 'string', 'text', 'validating-string',
  ],
  property: [
    'authorization', 'build-blocker', 'build-discarder', 'copyartifact', 'disable-resume', 'github', 'heavy-job',
    'inject', 'least-load', 'priority-sorter', 'rebuild', 'throttle',
  ],
  notification: ['http'],
  reporter: ['email', 'findbugs'],
};

const SETS = new Map(Object.entries(BUILTINS).map(([k, v]) => [k, new Set(v)]));

export function isBuiltinComponent(type: string, name: string): boolean {
  return SETS.get(type)?.has(name) ?? false;
}

/** Component types, the job keys that hold their lists, and the key of a macro's body. */
export const COMPONENT_LISTS: ReadonlyArray<readonly [jobKey: string, type: string]> = [
  ['prebuilders', 'builder'],
  ['builders', 'builder'],
  ['postbuilders', 'builder'],
  ['publishers', 'publisher'],
  ['wrappers', 'wrapper'],
  ['triggers', 'trigger'],
  ['scm', 'scm'],
  ['parameters', 'parameter'],
  ['properties', 'property'],
  ['notifications', 'notification'],
  ['reporters', 'reporter'],
];

export const MACRO_BODY_KEY: Readonly<Record<string, string>> = {
  builder: 'builders',
  publisher: 'publishers',
  wrapper: 'wrappers',
  trigger: 'triggers',
  scm: 'scm',
  parameter: 'parameters',
  property: 'properties',
  notification: 'notifications',
  reporter: 'reporters',
};
