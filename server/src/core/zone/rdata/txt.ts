// The data of TXT-style records (TXT and the retired SPF type). A mail zone holds hundreds of thousands of them:
// its SPF, DMARC and DKIM records. Most are written as a few quoted strings without escapes, and such a record
// keeps only where its first string starts in the file and how many strings follow; the strings are read again
// from the file when asked for. A list of strings per record would be four or more objects that the garbage
// collector copies as long as the zone lives, and that the parse of a large zone spent a sixth of its time on.

import type { Span } from '../../types';
import { TokenKind, type Token } from '../lexer';
import { SourceCharString } from './reader';
import type { CharString } from './types';

/** What the rules read of a TXT-style record. */
export interface TxtData {
  readonly kind: 'txt';
  /** The character-strings with their places and octets. A record read from a file builds them on each read. */
  readonly strings: readonly CharString[];
  /** How many strings the record holds, known without building them. */
  readonly count: number;
  /** The octets of the first string ('' when there is none). */
  readonly firstValue: string;
  /** The octets of every string joined with nothing between them, as receivers join them (RFC 7208 §3.3). */
  readonly joinedValue: string;
  /** True when every string is quoted. */
  readonly allQuoted: boolean;
}

/** TXT data whose strings are held as a list: those with escapes or unquoted words, generated ones, wire forms. */
export class ListedTxt implements TxtData {
  readonly kind = 'txt';

  constructor(readonly strings: readonly CharString[]) {}

  get count(): number {
    return this.strings.length;
  }

  get firstValue(): string {
    return this.strings.length === 0 ? '' : this.strings[0].value;
  }

  get joinedValue(): string {
    const strings = this.strings;
    if (strings.length === 1) return strings[0].value;
    let text = '';
    for (let i = 0; i < strings.length; i++) text += strings[i].value;
    return text;
  }

  get allQuoted(): boolean {
    return this.strings.every((string) => string.quoted);
  }
}

/**
 * TXT data written as quoted strings without a backslash, in an all-ASCII file, with nothing but blanks, line
 * breaks and parentheses between them (no comment): each string's octets are then exactly the text between its
 * quotes, the closing quote is the next quote after the opening one, and the next opening quote is the next quote
 * after that. `isPlainTxt` tells such a record apart while it is parsed.
 */
export class PlainTxt implements TxtData {
  readonly kind = 'txt';

  constructor(
    /** The text of the file the record is written in. */
    private readonly text: string,
    /** Where the first string's opening quote stands. */
    private readonly start: number,
    readonly count: number,
  ) {}

  get allQuoted(): boolean {
    return true;
  }

  get firstValue(): string {
    const open = this.start;
    return this.text.slice(open + 1, this.text.indexOf('"', open + 1));
  }

  get joinedValue(): string {
    const text = this.text;
    let open = this.start;
    let close = text.indexOf('"', open + 1);
    let joined = text.slice(open + 1, close);
    for (let i = 1; i < this.count; i++) {
      open = text.indexOf('"', close + 1);
      close = text.indexOf('"', open + 1);
      joined += text.slice(open + 1, close);
    }
    return joined;
  }

  /** The joined text's length, read from the places of the strings. */
  get joinedLength(): number {
    const text = this.text;
    let open = this.start;
    let length = 0;
    for (let i = 0; i < this.count; i++) {
      const close = text.indexOf('"', open + 1);
      length += close - open - 1;
      open = text.indexOf('"', close + 1);
    }
    return length;
  }

  /** From the first string's opening quote to just past the last one's closing quote. */
  get wholeSpan(): Span {
    const text = this.text;
    let close = text.indexOf('"', this.start + 1);
    for (let i = 1; i < this.count; i++) close = text.indexOf('"', text.indexOf('"', close + 1) + 1);
    return { start: this.start, end: close + 1 };
  }

  /**
   * Where the range [start, end) of the joined text is written: from the source of its first octet to just past the
   * source of its last, clamped to the strings; a range that crosses strings covers the quotes and blanks between
   * them. It is the span email/recordText.ts `sourceSpan` finds from the listed strings, found without them.
   */
  sourceSpan(start: number, end: number): Span {
    if (this.count === 1) {
      // One string: its octets are the text between its quotes, which is all there is to clamp to.
      const length = this.text.indexOf('"', this.start + 1) - this.start - 1;
      const from = this.start + 1 + Math.max(0, Math.min(start, length));
      const to = end > start ? this.start + 1 + Math.min(Math.max(0, Math.min(end - 1, length)) + 1, length) : from;
      return { start: from, end: Math.max(from, to) };
    }
    const from = this.sourceOffset(start, false);
    const to = end > start ? this.sourceOffset(end - 1, true) : from;
    return { start: from, end: Math.max(from, to) };
  }

  /**
   * The source place of octet `offset` of the joined text (with `after`, just past it). The octet belongs to the
   * last string that starts at or before it and has octets (or is the last string): an empty string starts where
   * the next one does. Past that string's end the place is clamped to it.
   */
  private sourceOffset(offset: number, after: boolean): number {
    const text = this.text;
    let open = this.start;
    let stringStart = 0;
    // The first string is taken when no other qualifies, as the search over the listed strings starts from it.
    let chosenOpen = open;
    let chosenStart = 0;
    let chosenLength = text.indexOf('"', open + 1) - open - 1;
    for (let i = 0; i < this.count; i++) {
      const close = text.indexOf('"', open + 1);
      const length = close - open - 1;
      if (stringStart <= offset && (length > 0 || i === this.count - 1)) {
        chosenOpen = open;
        chosenStart = stringStart;
        chosenLength = length;
      }
      // Past the offset no later string can start at or before it.
      if (stringStart > offset) break;
      stringStart += length;
      open = text.indexOf('"', close + 1);
    }
    const clamped = Math.max(0, Math.min(offset - chosenStart, chosenLength));
    return chosenOpen + 1 + Math.min(clamped + (after ? 1 : 0), chosenLength);
  }

  get strings(): readonly CharString[] {
    const text = this.text;
    const strings: CharString[] = [];
    let open = this.start;
    for (let i = 0; i < this.count; i++) {
      const close = text.indexOf('"', open + 1);
      const value = text.slice(open + 1, close);
      strings.push(new SourceCharString({ kind: TokenKind.QString, start: open, end: close + 1, text: value }, value));
      open = text.indexOf('"', close + 1);
    }
    return strings;
  }
}

/**
 * True when the tokens of a TXT record's rdata, read from `text`, can be kept as a `PlainTxt`: every one quoted and
 * free of backslashes, the text all ASCII (so a char is an octet), and no comment in the gaps between them (a
 * comment may hold a quote).
 */
export function isPlainTxt(text: string, asciiText: boolean, tokens: readonly Token[]): boolean {
  if (!asciiText || tokens.length === 0) return false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== TokenKind.QString || token.text.indexOf('\\') >= 0) return false;
    if (i > 0) {
      for (let at = tokens[i - 1].end; at < token.start; at++) if (text.charCodeAt(at) === SEMICOLON) return false;
    }
  }
  return true;
}

const SEMICOLON = 59;
