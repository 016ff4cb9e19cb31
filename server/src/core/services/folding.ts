// Folding ranges of a zone file: records written over several lines (an SOA, a DKIM key in parentheses) and
// blocks of consecutive whole-line comments.

import type { SourceFile, Span } from '../types';
import type { Zone } from '../zone/model';

export interface FoldingSpan {
  readonly kind: 'record' | 'comment';
  readonly span: Span;
}

/** The folds of one file of the zone (the zone file itself or a file it includes). */
export function foldingSpans(zone: Zone, filePath: string): FoldingSpan[] {
  const file = zone.files.find((candidate) => candidate.path === filePath);
  if (file === undefined) return [];
  const folds: FoldingSpan[] = [];
  for (const record of zone.records) {
    if (record.generated || record.file !== file) continue;
    if (lineOf(file, record.span.start) < lineOf(file, record.span.end)) folds.push({ kind: 'record', span: record.span });
  }
  const wholeLineComments = (zone.comments.get(file) ?? [])
    .map((comment) => ({ span: comment.span, line: lineOf(file, comment.span.start) }))
    .filter((comment) => file.text.slice(file.lineStarts[comment.line], comment.span.start).trim() === '');
  for (let first = 0; first < wholeLineComments.length; ) {
    let last = first;
    while (last + 1 < wholeLineComments.length && wholeLineComments[last + 1].line === wholeLineComments[last].line + 1) last++;
    if (last > first) folds.push({ kind: 'comment', span: { start: wholeLineComments[first].span.start, end: wholeLineComments[last].span.end } });
    first = last + 1;
  }
  return folds.sort((a, b) => a.span.start - b.span.start);
}

function lineOf(file: SourceFile, offset: number): number {
  return file.positionAt(offset).line;
}
