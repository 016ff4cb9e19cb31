// The shape of one rdata case checked against named-checkzone, and the helper that reads one record line.

import { lexEntries, type Token } from '../../../server/src/core/zone/lexer';
import { parseRdata } from '../../../server/src/core/zone/rdata';
import type { ParsedRdata } from '../../../server/src/core/zone/rdata/types';
import { typeFromText } from '../../../server/src/core/zone/rrtypes';

/**
 * One case: `rdata` is `TYPE <rdata>` as written after the owner. Accepted cases carry BIND's wire rdata in hex;
 * rejected ones carry BIND's message (for the reader of a failing test; the message texts differ on purpose).
 */
export type BindCase = { readonly rdata: string; readonly wire: string } | { readonly rdata: string; readonly bind: string };

export const TEST_ORIGIN = 'example.com.';

export interface ReadLine {
  /** The whole line as lexed, so issue spans can be shown as text. */
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly result: ParsedRdata;
}

/**
 * Lexes `r0 <line>` as one entry and reads its rdata: the type is the second token, the rdata the rest.
 * A type the type table refuses yields undefined.
 */
export function readLine(line: string, origin = TEST_ORIGIN): ReadLine | undefined {
  const text = `r0 ${line}\n`;
  const entries: Token[][] = [];
  lexEntries(text, (entry) => entries.push([...entry.tokens]));
  const tokens = entries[0];
  const type = typeFromText(tokens[1].text);
  if (type.error !== undefined) return undefined;
  const rdataTokens = tokens.slice(2);
  return { text, tokens: rdataTokens, result: parseRdata(type.code, rdataTokens, { origin, entryEnd: text.length - 1 }) };
}

export function hex(bytes: Uint8Array | undefined): string | undefined {
  return bytes === undefined ? undefined : Buffer.from(bytes).toString('hex');
}

/** The rdata of an accepted case in RFC 3597 form, to check that the wire checks accept what BIND produces. */
export function genericForm(line: string, wireHex: string): string {
  const type = line.split(/\s+/, 1)[0];
  return wireHex.length === 0 ? `${type} \\# 0` : `${type} \\# ${wireHex.length / 2} ${wireHex}`;
}
