// The contract between the zone parser and the per-type rdata readers: what goes in (raw tokens, origin) and what
// comes out (wire form for comparison, structured data for the rules, and problems at exact spans).

import type { Span } from '../../types';
import type { LastNameMemo } from '../names';
import type { Token } from '../lexer';
import type { TxtData } from './txt';

/** Rule ids an rdata reader may report under. */
export type RdataRuleId = 'zone-syntax' | 'zone-bad-rdata' | 'zone-bad-name' | 'zone-txt-string-too-long';

export interface RdataIssue {
  readonly ruleId: RdataRuleId;
  readonly message: string;
  readonly span: Span;
  /** Problems BIND only warns about (an obsolete form, say) are not errors. */
  readonly severity?: 'warning';
}

export interface RdataContext {
  /** The current origin, canonical and absolute, for relative names in rdata. */
  readonly origin: string;
  /** Where the entry ends: the span for "unexpected end of input" problems. */
  readonly entryEnd: number;
  /** The whole text the tokens come from is ASCII (`SourceFile.ascii`): a token without a backslash is its octets. */
  readonly asciiText?: boolean;
  /** The zone reader's memo of the last name read, shared by owners and rdata names. */
  readonly names?: LastNameMemo;
  /**
   * The text the tokens were read from, when each token's text is that text between its places: a record written
   * in a file, not a generated one. A TXT record may then keep places instead of strings (`PlainTxt`).
   */
  readonly sourceText?: string;
}

/** One TXT-style character-string: where it stands and the octets it decodes to (latin1, one char per octet). */
export interface CharString {
  /** Span of the token, including quotes when quoted. */
  readonly span: Span;
  readonly quoted: boolean;
  /** Raw text between the quotes (or the whole unquoted token), escapes kept. */
  readonly raw: string;
  /** Decoded octets as a latin1 string. */
  readonly value: string;
}

/** Structured rdata for the types the rules look into; every other type is `other`. */
export type RData =
  | { readonly kind: 'a'; readonly address: string }
  | { readonly kind: 'aaaa'; readonly address: string }
  | { readonly kind: 'target'; readonly target: string; readonly targetSpan: Span }
  | { readonly kind: 'mx'; readonly preference: number; readonly exchange: string; readonly exchangeSpan: Span }
  | {
      readonly kind: 'srv';
      readonly priority: number;
      readonly weight: number;
      readonly port: number;
      readonly target: string;
      readonly targetSpan: Span;
    }
  | {
      readonly kind: 'soa';
      readonly mname: string;
      readonly rname: string;
      readonly serial: number;
      readonly serialSpan: Span;
      readonly refresh: number;
      readonly retry: number;
      readonly expire: number;
      readonly minimum: number;
    }
  | TxtData
  | { readonly kind: 'other' };

export interface ParsedRdata {
  /** Wire form of the rdata (names uncompressed, case kept); undefined when the rdata is invalid. */
  readonly wire: Uint8Array | undefined;
  /** Structured form; undefined when the rdata is invalid. */
  readonly data: RData | undefined;
  readonly issues: readonly RdataIssue[];
}

export type RdataTokens = readonly Token[];
