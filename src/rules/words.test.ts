import { describe, expect, it } from 'vitest';
import { splitWords } from './words.js';

// Expected values follow POSIX sh word splitting and quote removal (no expansion).
describe('splitWords', () => {
  it('splits on blanks and removes quotes', () => {
    expect(splitWords(`-e "py39"  --x='a b' c"d"e`)).toEqual(['-e', 'py39', '--x=a b', 'cde']);
  });
  it('honours backslash escapes inside and outside double quotes', () => {
    expect(splitWords(String.raw`--command "php \"x\" \\ \n" a\ b`)).toEqual(['--command', 'php "x" \\ \\n', 'a b']);
  });
  it('joins backslash-newline continuations', () => {
    expect(splitWords('a \\\nb')).toEqual(['a', 'b']);
  });
  it('keeps # inside a word but refuses a comment', () => {
    expect(splitWords('a#b')).toEqual(['a#b']);
    expect(splitWords('a #b')).toBeNull();
  });
  it('refuses text that needs a shell', () => {
    for (const t of ['$HOME', '"$X"', 'a && b', 'a|b', '*.xml', '`x`', "'open"]) expect(splitWords(t)).toBeNull();
  });
  it('gives no words for blank text', () => {
    expect(splitWords('  \n')).toEqual([]);
  });
});
