/**
 * Splits a shell argument string into words for `run.arguments`, which PipelineLib single-quotes
 * (no shell expansion). POSIX quoting and backslash escapes are honoured; returns null when the
 * text needs a shell (expansions, globs, operators, comments).
 */
export function splitWords(text: string): string[] | null {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (quote === "'") {
      if (ch === "'") quote = null;
      else cur += ch;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && '$`"\\\n'.includes(chars[i + 1] ?? '')) {
        i++;
        if (chars[i] !== '\n') cur += chars[i];
      } else if (ch === '$' || ch === '`') return null;
      else cur += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\') {
      i++;
      if (i >= chars.length) return null;
      if (chars[i] !== '\n') {
        cur += chars[i];
        inWord = true;
      }
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else if ('$`|&;<>(){}*?[]~'.includes(ch) || (ch === '#' && !inWord)) {
      return null;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (quote) return null;
  if (inWord) words.push(cur);
  return words;
}
