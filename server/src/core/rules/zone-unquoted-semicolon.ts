// zone-unquoted-semicolon: in unquoted TXT data a `;` starts a comment, so `v=DKIM1; k=rsa; p=...` keeps only
// `v=DKIM1`. The record still loads, which is why the mistake survives until mail fails.

import { lineEnding, visualColumn } from '../edit/lines';
import type { Fix } from '../edit/textEdit';
import { layoutStrings, opensParentheses, splitEscaped } from '../edit/txt';
import type { Span } from '../types';
import type { ResourceRecord } from '../zone/model';
import type { Comment } from '../zone/lexer';
import type { Rule } from './rule';

/** What follows a cut: more tag=value pairs, or more SPF terms. */
const CONTINUATION = /^;\s*(?:[a-z][a-z0-9_]*\s*=|[+?~-]?(?:all|include:|ip4:|ip6:|a\b|a:|mx\b|mx:|ptr|exists:|redirect=))/i;

export const rule: Rule = {
  meta: {
    id: 'zone-unquoted-semicolon',
    defaultSeverity: 'warning',
    summary: 'Unquoted TXT data is cut short by a ; comment that continues it.',
  },
  check(context) {
    const { zone } = context;
    for (const record of zone.records) {
      if (record.data.kind !== 'txt' || record.generated) continue;
      const strings = record.data.strings;
      const last = strings[strings.length - 1];
      if (last === undefined || last.quoted) continue;
      const comment = commentAfter(zone.comments.get(record.file) ?? [], last.span.end);
      if (comment === undefined || !/^[ \t]*$/.test(record.file.text.slice(last.span.end, comment.span.start))) continue;
      const text = record.file.text.slice(comment.span.start, comment.span.end);
      const glued = comment.span.start === last.span.end;
      if (!glued && !CONTINUATION.test(text)) continue;
      const span = { start: strings[0].span.start, end: comment.span.end };
      context.report({
        location: { file: record.file, span },
        message: `the ';' ends the record data here: only ${strings.map((s) => s.raw).join(' ')} is published and "${text.slice(1).trim()}" is a comment; quote the whole value`,
        fixes: quoteFix(record, span),
      });
    }
  },
};

/**
 * Quotes the data and the comment that continues it as the one value the author wrote, split into strings of at
 * most 255 octets. Data that already holds a quoted string is left to the user.
 */
function quoteFix(record: ResourceRecord, span: Span): Fix[] {
  const file = record.file;
  const raw = file.text.slice(span.start, span.end).replace(/[ \t]+$/, '');
  if (/["\r\n]/.test(raw)) return [];
  const newText = layoutStrings({
    strings: splitEscaped(raw).map((piece) => `"${piece}"`),
    column: visualColumn(file, span.start),
    eol: lineEnding(file.text),
    insideParentheses: opensParentheses(record, span.start),
  });
  return [{ title: 'Quote the whole value, so the ; is part of it', edits: [{ file, span, newText }], isPreferred: true, safe: true }];
}

/** The first comment that starts at or after `offset` (the comments are in source order). */
function commentAfter(comments: readonly Comment[], offset: number): Comment | undefined {
  let low = 0;
  let high = comments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (comments[mid].span.start < offset) low = mid + 1;
    else high = mid - 1;
  }
  return comments[low];
}
