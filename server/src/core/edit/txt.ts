// Writing TXT data: quoting a value as a character-string, splitting it into strings of at most 255 octets, and
// editing the text of an existing TXT record, with the smallest edit that keeps its layout where one will do.

import type { RecordText } from '../email/recordText';
import { sourceSpan, stringIndexAt, wholeSpan } from '../email/recordText';
import type { TextRange } from '../email/tagList';
import type { ResourceRecord } from '../zone/model';
import { lineEnding, visualColumn } from './lines';
import type { TextEdit } from './textEdit';

/** The most octets one character-string holds (RFC 1035 §3.3). */
export const MAX_STRING_OCTETS = 255;

/** A TXT record with its strings joined, as the mail parsers see it. */
export interface TxtEntry {
  readonly record: ResourceRecord;
  readonly text: RecordText;
}

/** A value (octets as a latin1 string) as one quoted character-string, escaped as BIND prints it. */
export function quoteString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 34 || code === 92) out += '\\' + value[i];
    else if (code < 32 || code >= 127) out += '\\' + String(code).padStart(3, '0');
    else out += value[i];
  }
  return out + '"';
}

/**
 * Splits a value into strings of at most `max` octets. Receivers join them with nothing between (RFC 7208 §3.3,
 * RFC 6376 §3.6.2.2), so any split keeps the meaning; a break after a space is preferred because it reads better.
 */
export function splitValue(value: string, max = MAX_STRING_OCTETS): string[] {
  if (value.length <= max) return [value];
  const chunks: string[] = [];
  let rest = value;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const space = window.lastIndexOf(' ');
    const cut = space >= max / 2 ? space + 1 : max;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}

/**
 * The rdata text of a TXT value written from `column`: one quoted string, or the strings of a long value one per
 * line inside parentheses (without them when the record already stands inside parentheses), aligned.
 */
export function txtRdata(options: { value: string; column: number; eol: string; insideParentheses?: boolean }): string {
  return layoutStrings({ ...options, strings: splitValue(options.value).map(quoteString) });
}

/** Quoted strings written from `column`: on one line when there is one, else one per line, aligned. */
export function layoutStrings(options: { strings: readonly string[]; column: number; eol: string; insideParentheses?: boolean }): string {
  const { strings } = options;
  if (strings.length === 1) return strings[0];
  if (options.insideParentheses === true) return strings.join(options.eol + ' '.repeat(options.column));
  return `( ${strings.join(options.eol + ' '.repeat(options.column + 2))} )`;
}

/**
 * Splits the source text of a character-string (escapes kept) into pieces of at most `max` octets each, never
 * inside an escape, counting characters beyond ASCII as their UTF-8 octets.
 */
export function splitEscaped(raw: string, max = MAX_STRING_OCTETS): string[] {
  const pieces: string[] = [];
  if (!/[\\\u0080-\uffff]/.test(raw)) {
    for (let at = 0; at < raw.length; at += max) pieces.push(raw.slice(at, at + max));
    return pieces.length === 0 ? [''] : pieces;
  }
  let current = '';
  let octets = 0;
  for (let i = 0; i < raw.length; ) {
    let width = raw.codePointAt(i)! > 0xffff ? 2 : 1;
    if (raw[i] === '\\') width = /^\\\d{3}/.test(raw.slice(i, i + 4)) ? 4 : 1 + (raw.codePointAt(i + 1)! > 0xffff ? 2 : 1);
    const unit = raw.slice(i, i + width);
    const size = /^\\\d{3}$/.test(unit) ? 1 : Buffer.byteLength(unit.replace(/^\\/, ''), 'utf8');
    if (octets + size > max) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += unit;
    octets += size;
    i += width;
  }
  if (current.length > 0 || pieces.length === 0) pieces.push(current);
  return pieces;
}

/** True when the record's data stands inside parentheses that open before `offset` (its first string, say). */
export function opensParentheses(record: ResourceRecord, offset: number): boolean {
  return record.file.text.slice(record.typeSpan.end, offset).includes('(');
}

/** Rewrites a TXT record's whole text as `value`, keeping its parentheses; undefined when nothing changes. */
export function rewriteTxt(entry: TxtEntry, value: string): TextEdit | undefined {
  if (value === entry.text.text) return undefined;
  const { record, text } = entry;
  const span = wholeSpan(text);
  const file = record.file;
  const newText = txtRdata({ value, column: visualColumn(file, span.start), eol: lineEnding(file.text), insideParentheses: opensParentheses(record, span.start) });
  return { file, span, newText };
}

/**
 * Replaces a range of a TXT record's joined text. When the range lies inside one quoted string and the result
 * still fits in it, only that part of the source changes; otherwise the whole text is rewritten.
 */
export function replaceInTxt(entry: TxtEntry, range: TextRange, newText: string): TextEdit | undefined {
  const { record, text } = entry;
  const value = text.text.slice(0, range.start) + newText + text.text.slice(range.end);
  const first = stringIndexAt(text, range.start);
  const last = range.end > range.start ? stringIndexAt(text, range.end - 1) : first;
  const string = text.strings[first];
  const fits = string !== undefined && string.value.length - (range.end - range.start) + newText.length <= MAX_STRING_OCTETS;
  if (first !== last || string === undefined || !string.quoted || !fits) return rewriteTxt(entry, value);
  const quoted = quoteString(newText);
  const span = range.end > range.start ? sourceSpan(text, range.start, range.end) : insertionPoint(text, first, range.start);
  return { file: record.file, span, newText: quoted.slice(1, -1) };
}

/** The source offset at which text goes to land before decoded octet `offset` of string `index`. */
function insertionPoint(text: RecordText, index: number, offset: number): { start: number; end: number } {
  const string = text.strings[index];
  if (offset - text.stringStarts[index] >= string.value.length) {
    const end = string.span.end - (string.quoted ? 1 : 0);
    return { start: end, end };
  }
  const at = sourceSpan(text, offset, offset + 1).start;
  return { start: at, end: at };
}
