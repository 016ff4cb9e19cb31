// The text of a TXT-based mail record (SPF, DKIM, DMARC) as receivers see it: its character-strings joined with
// nothing between them (RFC 7208 §3.3, RFC 6376 §3.6.2.2), with a map from each offset of that text back to the
// zone source, so a problem in one term or tag is reported exactly where the user wrote it, escapes included.

import type { Span } from '../types';
import type { CharString } from '../zone/rdata/types';

export interface RecordText {
  /** The joined value, one char per octet (latin1). */
  readonly text: string;
  readonly strings: readonly CharString[];
  /** Offset in `text` where each string begins. */
  readonly stringStarts: readonly number[];
}

export function joinStrings(strings: readonly CharString[]): RecordText {
  // Most records hold one string: its value is the text, with no concatenation.
  if (strings.length === 1) return { text: strings[0].value, strings, stringStarts: SINGLE_START };
  const stringStarts: number[] = [];
  let text = '';
  for (const s of strings) {
    stringStarts.push(text.length);
    text += s.value;
  }
  return { text, strings, stringStarts };
}

const SINGLE_START: readonly number[] = Object.freeze([0]);

/** Index of the string that holds text offset `offset` (the last string for the end offset). */
export function stringIndexAt(record: RecordText, offset: number): number {
  let index = 0;
  for (let i = 0; i < record.stringStarts.length; i++) {
    if (record.stringStarts[i] <= offset && (record.strings[i].value.length > 0 || i === record.strings.length - 1)) index = i;
  }
  return index;
}

/**
 * The source span of text range [start, end). When the range crosses string boundaries the span runs from the
 * first string to the last, covering the quotes and space between them, which is where the reader looks.
 */
export function sourceSpan(record: RecordText, start: number, end: number): Span {
  if (record.strings.length === 0) return { start: 0, end: 0 };
  const first = stringIndexAt(record, start);
  const last = end > start ? stringIndexAt(record, end - 1) : first;
  const from = sourceOffset(record.strings[first], start - record.stringStarts[first]);
  const to = end > start ? sourceOffset(record.strings[last], end - 1 - record.stringStarts[last], true) : from;
  return { start: from, end: Math.max(from, to) };
}

/** The whole record's source span: from the first string to the last. */
export function wholeSpan(record: RecordText): Span {
  if (record.strings.length === 0) return { start: 0, end: 0 };
  return { start: record.strings[0].span.start, end: record.strings[record.strings.length - 1].span.end };
}

/**
 * Source offset of decoded octet `index` in a character-string; with `after`, the offset just past that octet's
 * source text (one char, or a whole `\DDD` or `\X` escape).
 */
function sourceOffset(s: CharString, index: number, after = false): number {
  const base = s.span.start + (s.quoted ? 1 : 0);
  const raw = s.raw;
  // The octets are the raw text itself exactly when it has no escapes (a decoded escape is shorter than its source)
  // and every char is ASCII (a char beyond ASCII is longer in octets); then octet i is char i. The parser gives such
  // a string one text for both, so on every finding the test costs one comparison rather than a scan of the string.
  if (raw === s.value) {
    const clamped = Math.max(0, Math.min(index, raw.length));
    return base + Math.min(clamped + (after ? 1 : 0), raw.length);
  }
  let octet = 0;
  let i = 0;
  while (i < raw.length) {
    const width = rawWidth(raw, i);
    const octets = octetCount(raw, i);
    if (index < octet + octets) return base + (after ? i + width : i);
    octet += octets;
    i += width;
  }
  return base + raw.length;
}

/** How many source chars the octet sequence starting at raw[i] takes. */
function rawWidth(raw: string, i: number): number {
  if (raw.charCodeAt(i) !== 92) return raw.codePointAt(i)! > 0xffff ? 2 : 1;
  const d = raw.charCodeAt(i + 1);
  if (d >= 48 && d <= 57) return 4;
  return raw.codePointAt(i + 1)! > 0xffff ? 3 : 2;
}

/** How many octets the source at raw[i] decodes to (UTF-8 for characters beyond ASCII). */
function octetCount(raw: string, i: number): number {
  const escaped = raw.charCodeAt(i) === 92;
  if (escaped && raw.charCodeAt(i + 1) >= 48 && raw.charCodeAt(i + 1) <= 57) return 1;
  const cp = raw.codePointAt(escaped ? i + 1 : i)!;
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}
