// zone-txt-string-too-long: reported by the zone reader (server/src/core/zone) while it reads the text; this file
// holds its metadata and its fix, which splits the string into strings of at most 255 octets.

import { lineEnding, visualColumn } from '../edit/lines';
import type { Fix } from '../edit/textEdit';
import { layoutStrings, splitEscaped } from '../edit/txt';
import type { Finding, SourceFile, Span } from '../types';
import { lexEntries, TokenKind } from '../zone/lexer';
import type { Rule } from './rule';

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
    const entry = entryAt(file, span);
    if (entry === undefined) return [];
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

/**
 * The too-long token of a TXT or SPF record, and whether it stands inside the record's parentheses. Only those
 * types are fixed: in any other type an extra string would be an extra field.
 */
function entryAt(file: SourceFile, span: Span): { token: { kind: TokenKind; start: number; end: number; text: string }; insideParentheses: boolean } | undefined {
  let found: ReturnType<typeof entryAt>;
  lexEntries(file.text, (entry) => {
    const index = entry.tokens.findIndex((token) => token.start === span.start && token.end === span.end);
    if (found !== undefined || index < 0) return;
    if (!entry.tokens.slice(0, index).some((token) => token.kind === TokenKind.Word && STRING_LIST_TYPES.has(token.text.toUpperCase()))) return;
    const before = file.text.slice(entry.tokens[0].start, span.start);
    found = { token: entry.tokens[index], insideParentheses: parenthesesOpen(before) };
  });
  return found;
}

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
