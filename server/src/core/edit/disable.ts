// The fix every finding offers: a `; zonelint-disable-next-line <id>` comment above the entry it is in, indented
// like that entry, or the id added to such a comment already there.

import type { SourceFile, Span } from '../types';
import { extentsOf } from '../zone/extents';
import type { Fix } from './textEdit';
import { lineEnding, lineStartOf } from './lines';

/** Rules whose findings a disable-next-line comment cannot silence: they are about directives or the whole file. */
const NOT_SUPPRESSIBLE: ReadonlySet<string> = new Set(['zone-unused-suppression', 'zone-origin-unknown']);

const DIRECTIVE_LINE = /^([ \t]*;+\s*zonelint-disable-next-line\s+)(.*?)(\s*(?:--.*)?)$/;

/** "Disable <id> for this line", or undefined for findings no comment can silence. */
export function disableFix(options: { ruleId: string; file: SourceFile; span: Span }): Fix | undefined {
  const { ruleId, file } = options;
  if (NOT_SUPPRESSIBLE.has(ruleId)) return undefined;
  const text = file.text;
  const entryStart = entryStartAt(file, options.span.start);
  const lineStart = lineStartOf(file, entryStart);
  const title = `Disable ${ruleId} for this line`;
  const above = previousLine(file, lineStart);
  if (above !== undefined) {
    const match = DIRECTIVE_LINE.exec(text.slice(above.start, above.end));
    if (match !== null) {
      const at = above.start + match[1].length + match[2].length;
      return { title, edits: [{ file, span: { start: at, end: at }, newText: match[2] === '' ? ruleId : `, ${ruleId}` }], suppression: true };
    }
  }
  const indentation = /^[ \t]*/.exec(text.slice(lineStart, entryStart))![0];
  return {
    title,
    edits: [{ file, span: { start: lineStart, end: lineStart }, newText: `${indentation}; zonelint-disable-next-line ${ruleId}${lineEnding(text)}` }],
    suppression: true,
  };
}

/** Where the entry holding `offset` begins; the offset itself when it lies between entries (in a comment, say). */
function entryStartAt(file: SourceFile, offset: number): number {
  const extents = extentsOf(file);
  let low = 0;
  let high = extents.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (extents[mid].start <= offset) low = mid + 1;
    else high = mid;
  }
  const extent = extents[low - 1];
  return extent !== undefined && offset <= extent.end ? extent.start : offset;
}

/** The line before the one starting at `lineStart`, without its line break. */
function previousLine(file: SourceFile, lineStart: number): Span | undefined {
  if (lineStart === 0) return undefined;
  const { line } = file.positionAt(lineStart);
  const start = file.lineStarts[line - 1];
  let end = lineStart;
  while (end > start && (file.text[end - 1] === '\n' || file.text[end - 1] === '\r')) end--;
  return { start, end };
}
