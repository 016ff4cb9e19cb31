// zone-unquoted-semicolon: in unquoted TXT data a `;` starts a comment, so `v=DKIM1; k=rsa; p=...` keeps only
// `v=DKIM1`. The record still loads, which is why the mistake survives until mail fails.

import { lineEnding, visualColumn } from '../edit/lines';
import type { Fix } from '../edit/textEdit';
import { layoutStrings, opensParentheses, splitEscaped } from '../edit/txt';
import type { Span } from '../types';
import type { ResourceRecord } from '../zone/model';
import type { Comment } from '../zone/lexer';
import type { Rule } from './rule';
import { forEachRecordOfTypes } from './targets';

const TYPE_TXT = 16;
const TYPE_SPF = 99;

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
    // Only a comment can cut the data short: a zone without comments needs no look at its TXT records.
    if (![...zone.comments.values()].some((comments) => comments.length > 0)) return;
    forEachRecordOfTypes(zone, [TYPE_TXT, TYPE_SPF], (record) => {
      if (record.generated) return;
      const data = record.data;
      // A record of quoted strings alone has nothing a comment could cut, and is not read any further.
      if (data.kind !== 'txt' || data.allQuoted) return;
      const strings = data.strings;
      const last = strings[strings.length - 1];
      if (last === undefined || last.quoted) return;
      const lastEnd = last.span.end;
      const comment = commentAfter(zone.comments.get(record.file) ?? [], lastEnd);
      if (comment === undefined) return;
      const commentSpan = comment.span;
      if (!onlyBlanks(record.file.text, lastEnd, commentSpan.start)) return;
      const text = record.file.text.slice(commentSpan.start, commentSpan.end);
      const glued = commentSpan.start === lastEnd;
      if (!glued && !CONTINUATION.test(text)) return;
      const span = { start: strings[0].span.start, end: commentSpan.end };
      context.report({
        location: { file: record.file, span },
        message: `the ';' ends the record data here: only ${strings.map((s) => s.raw).join(' ')} is published and "${text.slice(1).trim()}" is a comment; quote the whole value`,
        fixes: () => quoteFix(record, span),
      });
    });
  },
};

/** Whether `text[start, end)` holds only spaces and tabs, read in place. */
function onlyBlanks(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

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
