// The bridge between zone records and the mail-record parsers: the joined text of a TXT record, places in that
// text as source locations, and the small name tests (`_dmarc`, `_domainkey`, SPF) the mail rules share.

import type { Location } from '../types';
import type { ResourceRecord } from '../zone/model';
import { escapeLabel, labelsOf } from '../zone/names';
import { PlainTxt } from '../zone/rdata/txt';
import type { RecordText } from './recordText';
import { joinStrings, sourceSpan, wholeSpan } from './recordText';
import type { TextRange } from './tagList';

export const TYPE_CNAME = 5;
export const TYPE_MX = 15;
export const TYPE_TXT = 16;

/**
 * The joined text of a TXT record, or undefined for any other record (or a TXT whose rdata did not parse). Built
 * on each call and not cached: joining one or two strings costs less than keeping a cache entry alive for every TXT
 * record of a large zone, and the mail-record parsers keep what they need from it.
 */
export function txtRecordText(record: ResourceRecord): RecordText | undefined {
  if (record.type !== TYPE_TXT || record.data.kind !== 'txt') return undefined;
  return joinStrings(record.data.strings);
}

/** The joined text of a record with TXT-style strings (TXT, or SPF's type 99); empty for any other record. */
export function recordTextOf(record: ResourceRecord): RecordText {
  return joinStrings(record.data.kind === 'txt' ? record.data.strings : []);
}

/**
 * Where a range of a record's text is written. An empty range, or a record with no text, falls back to the
 * whole rdata so the finding is never an invisible zero-width mark.
 */
export function textLocation(record: ResourceRecord, text: RecordText, range: TextRange): Location {
  if (text.strings.length === 0) return { file: record.file, span: record.rdataSpan };
  if (range.end <= range.start) {
    if (text.text.length === 0) return { file: record.file, span: wholeSpan(text) };
    const at = Math.min(range.start, text.text.length - 1);
    return { file: record.file, span: sourceSpan(text, at, at + 1) };
  }
  return { file: record.file, span: sourceSpan(text, range.start, range.end) };
}

/**
 * `textLocation(record, recordTextOf(record), range)` for a TXT-style record, found without building the record's
 * strings when its data keeps only their places: for the rules that report in every record of a large zone.
 */
export function locateInText(record: ResourceRecord, range: TextRange): Location {
  const data = record.data;
  if (!(data instanceof PlainTxt)) return textLocation(record, recordTextOf(record), range);
  if (range.end > range.start) return { file: record.file, span: data.sourceSpan(range.start, range.end) };
  const length = data.joinedLength;
  if (length === 0) return { file: record.file, span: data.wholeSpan };
  const at = Math.min(range.start, length - 1);
  return { file: record.file, span: data.sourceSpan(at, at + 1) };
}

/** The whole rdata of a record (all its strings), for findings about the record as a whole. */
export function recordLocation(record: ResourceRecord): Location {
  return { file: record.file, span: record.rdataSpan };
}

/** True when a TXT text is an SPF record: `v=spf1` (any case) followed by a space or the end (RFC 7208 §4.5). */
export function isSpfText(text: string): boolean {
  // Read in place rather than by a pattern: the mail pass asks it of every TXT record of a zone.
  return startsWithIgnoringCase(text, SPF_VERSION) && (text.length === SPF_VERSION.length || text.charCodeAt(SPF_VERSION.length) === 32);
}

const SPF_VERSION = 'v=spf1';

/** True when `text` has `lower` (lower-case ASCII) at `start`, ASCII letters compared case-insensitively. */
export function equalsIgnoringCase(text: string, start: number, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    const code = text.charCodeAt(start + i);
    if ((code >= 65 && code <= 90 ? code + 32 : code) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** True when `text` starts with `lower` (lower-case ASCII), ASCII letters compared case-insensitively. */
export function startsWithIgnoringCase(text: string, lower: string): boolean {
  return text.length >= lower.length && equalsIgnoringCase(text, 0, lower);
}

/** The labels of a name in lower case (escapes decoded), for comparing fixed labels such as `_dmarc`. */
export function lowerLabels(name: string): string[] {
  return labelsOf(name).map((label) => label.toLowerCase());
}

/** The canonical absolute name made of some labels (as `labelsOf` returns them). */
export function nameFromLabels(labels: readonly string[]): string {
  return labels.length === 0 ? '.' : labels.map(escapeLabel).join('.') + '.';
}



/** A name as messages show it: without the trailing dot of the absolute form (the root stays `.`). */
export function shown(name: string): string {
  return name.length > 1 && name.endsWith('.') && !name.endsWith('\\.') ? name.slice(0, -1) : name;
}
