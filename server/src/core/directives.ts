// `; zonelint-disable-next-line <id>, ...`, `; zonelint-disable <id>` and `; zonelint-enable <id>` comments:
// parsed into suppressions that silence findings in a range of one file, and tracked so unused ones are reported.

import type { Comment } from './zone/lexer';
import { extentsOf } from './zone/extents';
import type { SourceFile, Span } from './types';

export type Directive =
  | { readonly kind: 'disable-next-line'; readonly ids: readonly string[]; readonly span: Span }
  | { readonly kind: 'disable'; readonly ids: readonly string[]; readonly span: Span }
  | { readonly kind: 'enable'; readonly ids: readonly string[]; readonly span: Span };

export interface Suppression {
  readonly directive: Directive;
  readonly id: string;
  /** Findings whose start lies in [start, end) are silenced. */
  readonly range: Span;
  used: boolean;
}

const DIRECTIVE = /^;+\s*zonelint-(disable-next-line|disable|enable)(?:\s+(.*?))?\s*(?:--.*)?$/;

/** Reads the directives among a file's comments. */
export function parseDirectives(file: SourceFile, comments: readonly Comment[]): Directive[] {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const text = file.text.slice(comment.span.start, comment.span.end);
    if (!text.includes('zonelint-')) continue;
    const match = DIRECTIVE.exec(text);
    if (match === null) continue;
    const ids = (match[2] ?? '').split(/[\s,]+/).filter((id) => id.length > 0);
    directives.push({ kind: match[1] as Directive['kind'], ids, span: comment.span });
  }
  return directives;
}

/**
 * Turns directives into suppressed ranges. `disable-next-line` covers the next entry: from the next line to the
 * end of the first entry after the comment, so a finding on any line of a multi-line record is silenced.
 * `disable` runs to the matching `enable` or the end of the file.
 */
export function buildSuppressions(file: SourceFile, directives: readonly Directive[]): Suppression[] {
  const suppressions: Suppression[] = [];
  const extents = directives.some((directive) => directive.kind === 'disable-next-line') ? extentsOf(file) : [];
  const open = new Map<string, { directive: Directive; start: number }>();
  for (const directive of directives) {
    if (directive.kind === 'disable-next-line') {
      const { line } = file.positionAt(directive.span.start);
      const start = file.offsetAt({ line: line + 1, character: 0 });
      const nextLineEnd = file.offsetAt({ line: line + 2, character: 0 });
      const end = Math.max(firstExtentFrom(extents, start)?.end ?? nextLineEnd, nextLineEnd);
      for (const id of directive.ids) suppressions.push({ directive, id, range: { start, end }, used: false });
    } else if (directive.kind === 'disable') {
      for (const id of directive.ids) open.set(id, { directive, start: directive.span.end });
    } else {
      for (const id of directive.ids) {
        const opened = open.get(id);
        if (opened === undefined) continue;
        suppressions.push({ directive: opened.directive, id, range: { start: opened.start, end: directive.span.start }, used: false });
        open.delete(id);
      }
    }
  }
  for (const [id, opened] of open) suppressions.push({ directive: opened.directive, id, range: { start: opened.start, end: file.text.length }, used: false });
  return suppressions;
}

/** The first extent that starts at or after `offset` (extents are in source order). */
function firstExtentFrom(extents: readonly Span[], offset: number): Span | undefined {
  let low = 0;
  let high = extents.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (extents[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return extents[low];
}
