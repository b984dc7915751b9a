/** `--project` globs: `*` within a path segment, `**` across segments, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function selectProjects(projects: Iterable<string>, globs: readonly string[]): string[] {
  if (!globs.length) return [...projects];
  const res = globs.map(globToRegExp);
  return [...projects].filter((p) => res.some((r) => r.test(p)));
}
