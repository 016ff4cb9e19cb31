// Line arithmetic for edits: the file's line ending, where a line starts and ends, and visual columns with tabs,
// so inserted text matches the file it goes into.

import type { SourceFile } from '../types';

/** Tab stops every eight columns, as BIND's own output and most editors lay zone files out. */
export const TAB_WIDTH = 8;

/**
 * The line ending the file uses: CRLF when its first line break is one, else LF. The last answer is remembered,
 * because every finding's disable fix asks about the same text, and a long file without a line break would
 * otherwise be searched once per finding.
 */
export function lineEnding(text: string): string {
  if (text === lastText) return lastEnding;
  const first = text.search(/\r\n|\n|\r/);
  lastEnding = first < 0 || text[first] === '\n' ? '\n' : text[first + 1] === '\n' ? '\r\n' : '\r';
  lastText = text;
  return lastEnding;
}

let lastText: string | undefined;
let lastEnding = '\n';

/** The offset where the line holding `offset` starts. */
export function lineStartOf(file: SourceFile, offset: number): number {
  return file.lineStarts[file.positionAt(offset).line];
}

/**
 * Where text inserted after the line holding `offset` goes: the start of the next line. For a last line without a
 * line break, the end of the text, with `prefix` holding the line break to write first.
 */
export function afterLineOf(file: SourceFile, offset: number): { offset: number; prefix: string } {
  const { line } = file.positionAt(offset);
  if (line + 1 < file.lineStarts.length) return { offset: file.lineStarts[line + 1], prefix: '' };
  return { offset: file.text.length, prefix: lineEnding(file.text) };
}

/** The visual column of an offset (tabs to the next stop of `TAB_WIDTH`). */
export function visualColumn(file: SourceFile, offset: number): number {
  const start = lineStartOf(file, offset);
  return advance(0, file.text.slice(start, offset));
}

/** The visual column reached by writing `text` from column `column`. */
export function advance(column: number, text: string): number {
  let at = column;
  for (const char of text) at = char === '\t' ? (Math.floor(at / TAB_WIDTH) + 1) * TAB_WIDTH : at + 1;
  return at;
}

/**
 * Whitespace that takes a line from column `from` to column `to`, with tabs when the file aligns with tabs. Always
 * at least one blank, so fields never run together.
 */
export function padding(options: { from: number; to: number; tabs: boolean }): string {
  const { from, to, tabs } = options;
  if (tabs) {
    let out = '\t';
    let at = advance(from, '\t');
    while (at < to) {
      out += '\t';
      at = advance(at, '\t');
    }
    return out;
  }
  return ' '.repeat(Math.max(1, to - from));
}
