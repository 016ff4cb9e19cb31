// The token cursor every per-type rdata reader uses: it takes fields off the token list, writes their wire form
// and stops at the first problem with an issue on the exact token, as BIND stops at the first bad field.

import type { Span } from '../../types';
import { TokenKind, type Token } from '../lexer';
import { decodeEscapes, parseName } from '../names';
import { parseTtl } from '../ttl';
import { Base64Decoder, Feed, HexDecoder } from './codecs';
import type { CharString, RdataContext, RdataIssue, RdataRuleId, RdataTokens } from './types';
import type { WireWriter } from './wire';

/** Thrown to abandon a record at its first problem. A plain class (not an Error) so no stack is captured. */
export class RdataFailure {
  constructor(readonly issue: RdataIssue) {}
}

/** How many octets a hex or base64 field must hold. */
export type DataLength =
  | { readonly kind: 'any' }
  | { readonly kind: 'atLeastOne' }
  | { readonly kind: 'exactly'; readonly octets: number };

export const ANY_LENGTH: DataLength = { kind: 'any' };

const NO_ISSUES: readonly RdataIssue[] = Object.freeze([]);
export const AT_LEAST_ONE: DataLength = { kind: 'atLeastOne' };

export class RdataReader {
  private index = 0;
  /** Non-fatal issues (warnings) gathered while reading; most records have none, so it starts empty and shared. */
  warnings: readonly RdataIssue[] = NO_ISSUES;

  constructor(
    readonly tokens: RdataTokens,
    readonly context: RdataContext,
    readonly out: WireWriter,
  ) {}

  get origin(): string {
    return this.context.origin;
  }

  /** True when every token has been read. */
  get atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  peek(): Token | undefined {
    return this.tokens[this.index];
  }

  /** The token read last, if any (for issues about a value after it was read). */
  get previous(): Token | undefined {
    return this.tokens[this.index - 1];
  }

  /** The next token of either kind; a missing one is "unexpected end of input". */
  next(expected: string): Token {
    const token = this.tokens[this.index];
    if (token === undefined) this.failAtEnd(expected);
    this.index++;
    return token;
  }

  /** The next token, which must not be quoted. */
  word(expected: string): Token {
    const token = this.next(expected);
    if (token.kind === TokenKind.QString) {
      this.fail(token, 'zone-syntax', `a quoted string is not allowed here (expected ${expected})`);
    }
    return token;
  }

  /** Reports "unexpected end of input" at the end of the entry. */
  failAtEnd(expected: string): never {
    const end = this.context.entryEnd;
    throw new RdataFailure({
      ruleId: 'zone-syntax',
      message: `unexpected end of input: expected ${expected}`,
      span: { start: end, end },
    });
  }

  fail(at: Span, ruleId: RdataRuleId, message: string): never {
    throw new RdataFailure({ ruleId, message, span: { start: at.start, end: at.end } });
  }

  warn(at: Span, ruleId: RdataRuleId, message: string): void {
    this.warnings = [...this.warnings, { ruleId, message, span: { start: at.start, end: at.end }, severity: 'warning' }];
  }

  /** Reads a plain decimal number of at most `max`, as BIND's lexer reads a number token. */
  number(expected: string, max: number): number {
    const token = this.word(expected);
    return this.numberOf(token, expected, max);
  }

  numberOf(token: Token, expected: string, max: number): number {
    const value = decimalValue(token.text);
    if (value < 0) this.fail(token, 'zone-bad-rdata', `'${token.text}' is not a valid number (expected ${expected}, a decimal number from 0 to ${max})`);
    if (value > max) this.fail(token, 'zone-bad-rdata', `${expected} ${token.text} is out of range (0 to ${max})`);
    return value;
  }

  u8(expected: string): number {
    const value = this.number(expected, 0xff);
    this.out.u8(value);
    return value;
  }

  u16(expected: string): number {
    const value = this.number(expected, 0xffff);
    this.out.u16(value);
    return value;
  }

  u32(expected: string): number {
    const value = this.number(expected, 0xffffffff);
    this.out.u32(value);
    return value;
  }

  /** A 32-bit count of seconds that may use TTL units (`1h30m`), as the SOA timers and RRSIG original TTL. */
  counter(expected: string): number {
    const token = this.word(expected);
    const parsed = parseTtl(token.text);
    if (parsed.error === 'range') this.fail(token, 'zone-bad-rdata', `${expected} '${token.text}' is out of range (at most 4294967295 seconds)`);
    if (parsed.error !== undefined) {
      this.fail(token, 'zone-bad-rdata', `'${token.text}' is not a valid ${expected} (expected seconds, or units like 1h30m)`);
    }
    this.out.u32(parsed.value);
    return parsed.value;
  }

  /** Reads a domain name, relative names taking the origin, and writes it uncompressed. */
  name(expected: string): { name: string; token: Token } {
    const token = this.word(expected);
    const name = this.nameOf(token, expected);
    this.out.name(name);
    return { name, token };
  }

  /** The canonical absolute name a token stands for, without writing it. */
  nameOf(token: Token, expected: string): string {
    const names = this.context.names;
    const parsed = names === undefined ? parseName(token.text, this.context.origin) : names.parse(token.text, this.context.origin);
    if (parsed.error !== undefined) this.fail(token, 'zone-bad-name', `bad ${expected} '${token.text}': ${parsed.error.message}`);
    return parsed.name;
  }

  /** Reads one <character-string> (quoted or not), writes it with its length octet, and describes it. */
  charString(expected: string): CharString {
    const token = this.next(expected);
    return new SourceCharString(token, this.writeCharString(token));
  }

  /** Reads and writes one <character-string> like `charString`, for a reader that keeps no description of it. */
  skipCharString(expected: string): void {
    this.writeCharString(this.next(expected));
  }

  private writeCharString(token: Token): string {
    const text = this.charStringOctets(token, 255);
    this.out.u8(text.length);
    this.out.latin1(text);
    return text;
  }

  /** Decodes a character-string token, checking its escapes and its length after unescaping. */
  charStringOctets(token: Token, maxOctets: number): string {
    const text = this.context.asciiText === true && token.text.indexOf('\\') < 0 ? token.text : decodeEscapes(token.text);
    if (text === undefined) {
      this.fail(token, 'zone-syntax', `bad escape in '${token.text}' (\\DDD needs three decimal digits with a value up to 255)`);
    }
    if (text.length > maxOctets) {
      this.fail(token, 'zone-txt-string-too-long', `character-string of ${text.length} octets is longer than ${maxOctets} (split it into several quoted strings)`);
    }
    return text;
  }

  /** Reads the hex digits of every remaining token (a value may be split by spaces). */
  hexRest(expected: string, length: DataLength): number {
    const decoder = new HexDecoder(this.out, length.kind === 'exactly' ? length.octets : Infinity);
    let last: Token | undefined;
    while (!this.atEnd) {
      if (length.kind === 'exactly' && decoder.written === length.octets && decoder.complete) break;
      const token = this.word(expected);
      last = token;
      const result = decoder.feed(token.text);
      if (result === Feed.BadDigit) this.fail(token, 'zone-bad-rdata', `bad hex in ${expected} '${token.text}' (expected hex digits 0-9, a-f)`);
      if (result === Feed.TooLong) {
        this.fail(token, 'zone-bad-rdata', `${expected} is longer than the expected ${(length as { octets: number }).octets} octets`);
      }
    }
    if (!decoder.complete) this.fail(last!, 'zone-bad-rdata', `bad hex in ${expected}: an odd number of hex digits`);
    this.checkLength(expected, length, decoder.written, last);
    return decoder.written;
  }

  /** Reads the base64 of every remaining token (a value may be split by spaces). */
  base64Rest(expected: string, length: DataLength): number {
    const decoder = new Base64Decoder(this.out);
    let last: Token | undefined;
    while (!this.atEnd) {
      const token = this.word(expected);
      last = token;
      if (decoder.feed(token.text) !== Feed.Ok) {
        this.fail(token, 'zone-bad-rdata', `bad base64 in ${expected} '${token.text}'`);
      }
    }
    if (!decoder.complete) {
      this.fail(last!, 'zone-bad-rdata', `bad base64 in ${expected}: the length is not a multiple of 4 characters (missing '=' padding?)`);
    }
    this.checkLength(expected, length, decoder.written, last);
    return decoder.written;
  }

  /** Reports tokens left after the last field ("extra input text"). */
  finish(): void {
    const extra = this.tokens[this.index];
    if (extra !== undefined) this.fail(extra, 'zone-syntax', `extra input text '${extra.text}': this record type takes no more fields`);
  }

  private checkLength(expected: string, length: DataLength, written: number, last: Token | undefined): void {
    if (length.kind === 'any') return;
    if (written === 0 && last === undefined) this.failAtEnd(expected);
    if (length.kind === 'atLeastOne' && written === 0) this.fail(last!, 'zone-bad-rdata', `${expected} is empty`);
    if (length.kind === 'exactly' && written !== length.octets) {
      if (last === undefined) this.failAtEnd(expected);
      this.fail(last, 'zone-bad-rdata', `${expected} is ${written} octets long; expected ${length.octets}`);
    }
  }
}

/** The value of an all-digit token, or -1 when it is not one. Values past 2^53 are clamped (still out of range). */
export function decimalValue(text: string): number {
  if (text.length === 0) return -1;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    value = value * 10 + (c - 48);
  }
  return Math.min(value, Number.MAX_SAFE_INTEGER);
}

/**
 * A character-string as the parser keeps it: its place as two numbers, the span object built only when asked,
 * since a zone holds hundreds of thousands of them and few are ever reported.
 */
export class SourceCharString implements CharString {
  private readonly start: number;
  private readonly end: number;
  readonly quoted: boolean;
  readonly raw: string;

  constructor(
    token: Token,
    readonly value: string,
  ) {
    this.start = token.start;
    this.end = token.end;
    this.quoted = token.kind === TokenKind.QString;
    this.raw = token.text;
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }
}
