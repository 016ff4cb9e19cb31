// zone-txt-string-too-long: reported by the zone reader (server/src/core/zone) while it reads the text; this file
// holds its metadata and its fix, which splits the string into strings of at most 255 octets.

import { lineEnding, visualColumn } from '../edit/lines';
import type { Fix } from '../edit/textEdit';
import { layoutStrings, MAX_STRING_OCTETS, splitEscaped } from '../edit/txt';
import type { Finding, SourceFile } from '../types';
import { lexEntries, TokenKind } from '../zone/lexer';
import type { Rule } from './rule';

/**
 * The most octets the data of one record holds (RFC 1035 §3.2.1: RDLENGTH is 16 bits). A string whose source text
 * is four times as long (an escape is at most four characters) cannot fit however it is split: no fix is offered.
 */
const MAX_RDATA_OCTETS = 65535;

/** Record types whose data is a list of character-strings, so one string may become several. */
const STRING_LIST_TYPES: ReadonlySet<string> = new Set(['TXT', 'SPF']);

export const rule: Rule = {
  meta: {
    id: 'zone-txt-string-too-long',
    defaultSeverity: 'error',
    summary: 'A character-string longer than 255 octets after unescaping.',
  },
  fixParseFinding(finding: Finding): readonly Fix[] {
    const { file, span } = finding.location;
    if (span.end - span.start > 4 * MAX_RDATA_OCTETS) return [];
    const entry = longTokens(file).get(span.start);
    if (entry === undefined || entry.token.end !== span.end) return [];
    const { token, insideParentheses } = entry;
    const pieces = splitEscaped(token.text);
    if (pieces.length < 2) return [];
    const newText = layoutStrings({
      strings: pieces.map((piece) => `"${token.kind === TokenKind.QString ? piece : piece.replace(/"/g, '\\"')}"`),
      column: visualColumn(file, token.start),
      eol: lineEnding(file.text),
      insideParentheses,
    });
    // Strings are joined with nothing between them, so the split changes nothing a receiver sees.
    return [{ title: `Split the string into ${pieces.length} strings of at most 255 octets`, edits: [{ file, span: { start: token.start, end: token.end }, newText }], isPreferred: true, safe: true }];
  },
};

interface LongToken {
  readonly token: { kind: TokenKind; start: number; end: number; text: string };
  readonly insideParentheses: boolean;
}

/**
 * The too-long tokens of TXT and SPF records of a file, by start offset, with whether each stands inside its
 * record's parentheses. Only those types are fixed: in any other type an extra string would be an extra field. The
 * file is lexed once for all its findings.
 */
function longTokens(file: SourceFile): ReadonlyMap<number, LongToken> {
  let found = longTokenCache.get(file);
  if (found === undefined) {
    const tokens = new Map<number, LongToken>();
    lexEntries(file.text, (entry) => {
      const typeIndex = entry.tokens.findIndex((token) => token.kind === TokenKind.Word && STRING_LIST_TYPES.has(token.text.toUpperCase()));
      if (typeIndex < 0) return;
      entry.tokens.forEach((token, index) => {
        // A character takes at most three octets, and an escape stands for fewer than it is written with.
        if (index <= typeIndex || token.text.length * 3 <= MAX_STRING_OCTETS || Buffer.byteLength(token.text, 'utf8') <= MAX_STRING_OCTETS) return;
        tokens.set(token.start, { token, insideParentheses: parenthesesOpen(file.text.slice(entry.tokens[0].start, token.start)) });
      });
    });
    found = tokens;
    longTokenCache.set(file, found);
  }
  return found;
}

const longTokenCache = new WeakMap<SourceFile, ReadonlyMap<number, LongToken>>();

/** Whether a `(` is still open at the end of entry text (quotes, escapes and comments skipped). */
function parenthesesOpen(text: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === ';') while (i < text.length && text[i] !== '\n') i++;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  return depth > 0;
}
