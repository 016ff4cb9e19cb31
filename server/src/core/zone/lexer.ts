// The tokeniser for BIND master files, modelled on BIND's isc_lex in its multi-line, escape and `;`-comment mode.
// It groups tokens into entries (logical lines): an entry ends at a newline outside parentheses. Escapes stay raw
// in token text; the name and rdata parsers decode them, so every token keeps its exact source span.

import type { Span } from '../types';

export const enum TokenKind {
  Word = 0,
  QString = 1,
}

export interface Token {
  readonly kind: TokenKind;
  /** Span of the token in the source; for a quoted string it includes both quotes. */
  readonly start: number;
  readonly end: number;
  /** Raw text with escapes kept; for a quoted string, the text between the quotes. */
  readonly text: string;
}

export interface LexError {
  readonly span: Span;
  readonly message: string;
}

export interface Entry {
  readonly tokens: readonly Token[];
  /** The entry's line began with whitespace outside parentheses: its owner is inherited. */
  readonly blankOwner: boolean;
  /** Offset where the entry's line starts. */
  readonly lineStart: number;
  /** Lexical errors inside the entry; an entry with errors yields no record. */
  readonly errors: readonly LexError[];
}

export interface Comment {
  /** Span from the `;` to the end of the line (without the newline). */
  readonly span: Span;
}

export interface LexResult {
  readonly comments: Comment[];
  /** Set when the file does not end with a newline, as BIND warns. */
  readonly missingFinalNewline: boolean;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const SEMICOLON = 59;
const OPEN = 40;
const CLOSE = 41;
const QUOTE = 34;
const BACKSLASH = 92;
const NUL = 0;

/**
 * Tokenises `text` and calls `onEntry` for each non-empty entry in order. Runs in time linear in the input:
 * an unclosed `(` is found in a first pass, and the second pass recovers from it without rescanning.
 */
export function lexEntries(text: string, onEntry: (entry: Entry) => void): LexResult {
  const comments: Comment[] = [];
  const first = runLexer(text, 0, comments, [], onEntry);
  if (first.unclosedParens.length > 0) {
    // Nothing after the first unclosed `(` was emitted; lex that part again knowing which parentheses never close.
    comments.length = first.commentsBeforeResume;
    runLexer(text, first.resumeAt, comments, first.unclosedParens, onEntry);
  }
  const last = text.charCodeAt(text.length - 1);
  return { comments, missingFinalNewline: text.length > 0 && last !== LF && last !== CR };
}

/**
 * The extent of every entry of a file, in order: from its first token (or error) to its last. Used to give a
 * suppression comment the whole next record, however many lines it spans.
 */
export function entryExtents(text: string): Span[] {
  const extents: Span[] = [];
  lexEntries(text, (entry) => extents.push(entryExtent(entry)));
  return extents;
}

/** One entry's extent: from its first token (or error) to its last. */
export function entryExtent(entry: Entry): Span {
  let start = Infinity;
  let end = -Infinity;
  for (const token of entry.tokens) {
    start = Math.min(start, token.start);
    end = Math.max(end, token.end);
  }
  for (const error of entry.errors) {
    start = Math.min(start, error.span.start);
    end = Math.max(end, error.span.end);
  }
  return { start, end };
}

/**
 * The tokens between `start` and `end` of a text that the lexer already read as one entry's rdata: parentheses and
 * line ends in between only separate tokens, and comments are skipped. A parsed record rebuilds its wire form from
 * them instead of keeping it.
 */
export function rdataTokensIn(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const ignoredErrors: LexError[] = [];
  let pos = start;
  while (pos < end) {
    const c = text.charCodeAt(pos);
    if (c === SPACE || c === TAB || c === LF || c === CR || c === OPEN || c === CLOSE) pos++;
    else if (c === SEMICOLON) pos = endOfLine(text, pos);
    else if (c === QUOTE) pos = lexQuoted(text, pos, tokens, ignoredErrors);
    else pos = lexWord(text, pos, tokens);
  }
  return tokens;
}

interface PassResult {
  /** Positions of `(` still open at the end of the input, in ascending order. */
  readonly unclosedParens: number[];
  /** Where the entry holding the first unclosed `(` begins. */
  readonly resumeAt: number;
  readonly commentsBeforeResume: number;
}

function runLexer(
  text: string,
  from: number,
  comments: Comment[],
  /**
   * Positions of the `(` that the first pass found never closed, ascending; empty in the first pass. A sorted list
   * walked with a cursor, not a Set: a line of millions of `(` would exceed the largest Set V8 allows.
   */
  unclosed: readonly number[],
  onEntry: (entry: Entry) => void,
): PassResult {
  const length = text.length;
  let pos = from;
  let tokens: Token[] = [];
  let errors: LexError[] = [];
  let blankOwner = false;
  let atLineStart = true;
  let lineStart = from;
  const parenStack: number[] = [];
  /** Index into `unclosed` of the first position not yet passed. */
  let nextUnclosed = 0;
  let commentsAtEntryStart = comments.length;

  const flush = (): void => {
    if (tokens.length > 0 || errors.length > 0) onEntry({ tokens, blankOwner, lineStart, errors });
    tokens = [];
    errors = [];
    blankOwner = false;
  };

  while (pos < length) {
    const c = text.charCodeAt(pos);
    if (c === LF || c === CR) {
      pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      if (parenStack.length === 0) {
        flush();
        atLineStart = true;
        lineStart = pos;
        commentsAtEntryStart = comments.length;
      }
      continue;
    }
    if (c === SPACE || c === TAB) {
      if (atLineStart && parenStack.length === 0 && tokens.length === 0) blankOwner = true;
      atLineStart = false;
      pos++;
      while (pos < length && (text.charCodeAt(pos) === SPACE || text.charCodeAt(pos) === TAB)) pos++;
      continue;
    }
    atLineStart = false;
    if (c === SEMICOLON) {
      const end = endOfLine(text, pos);
      comments.push({ span: { start: pos, end } });
      pos = end;
      continue;
    }
    if (c === OPEN) {
      while (nextUnclosed < unclosed.length && unclosed[nextUnclosed] < pos) nextUnclosed++;
      if (unclosed[nextUnclosed] === pos) {
        errors.push({ span: { start: pos, end: pos + 1 }, message: 'unbalanced parentheses: this ( is never closed' });
        // Skip to the next line that starts a new entry at column 0; the broken entry ends here.
        pos = nextEntryLine(text, pos);
        parenStack.length = 0;
        flush();
        atLineStart = true;
        lineStart = pos;
        commentsAtEntryStart = comments.length;
        continue;
      }
      parenStack.push(pos);
      pos++;
      continue;
    }
    if (c === CLOSE) {
      if (parenStack.length === 0) errors.push({ span: { start: pos, end: pos + 1 }, message: 'unbalanced parentheses: ) without (' });
      else parenStack.pop();
      pos++;
      continue;
    }
    if (c === NUL) {
      const start = pos;
      while (pos < length && text.charCodeAt(pos) === NUL) pos++;
      errors.push({ span: { start, end: pos }, message: 'NUL byte in zone text' });
      continue;
    }
    if (c === QUOTE) {
      pos = lexQuoted(text, pos, tokens, errors);
      continue;
    }
    pos = lexWord(text, pos, tokens);
  }

  if (parenStack.length > 0) {
    if (unclosed.length === 0) {
      // First pass: report nothing yet; the caller re-lexes from the entry that holds the first unclosed `(`.
      return { unclosedParens: parenStack, resumeAt: lineStart, commentsBeforeResume: commentsAtEntryStart };
    }
    // The second pass can still meet a `(` it could not foresee (after a recovery skip); report and stop there.
    errors.push({ span: { start: parenStack[0], end: parenStack[0] + 1 }, message: 'unbalanced parentheses: this ( is never closed' });
  }
  flush();
  return { unclosedParens: [], resumeAt: length, commentsBeforeResume: comments.length };
}

function lexQuoted(text: string, start: number, tokens: Token[], errors: LexError[]): number {
  const length = text.length;
  let pos = start + 1;
  while (pos < length) {
    const c = text.charCodeAt(pos);
    if (c === QUOTE) {
      tokens.push({ kind: TokenKind.QString, start, end: pos + 1, text: text.slice(start + 1, pos) });
      return pos + 1;
    }
    if (c === BACKSLASH) {
      // An escaped CRLF keeps both characters, as BIND keeps the escaped newline.
      pos += text.charCodeAt(pos + 1) === CR && text.charCodeAt(pos + 2) === LF ? 3 : 2;
      continue;
    }
    if (c === LF || c === CR) break;
    if (c === NUL) {
      errors.push({ span: { start: pos, end: pos + 1 }, message: 'NUL byte in zone text' });
    }
    pos++;
  }
  const end = Math.min(pos, length);
  errors.push({ span: { start, end }, message: 'unbalanced quotes: this string is not closed on its line' });
  tokens.push({ kind: TokenKind.QString, start, end, text: text.slice(start + 1, end) });
  return end;
}

function lexWord(text: string, start: number, tokens: Token[]): number {
  const length = text.length;
  let pos = start;
  while (pos < length) {
    const c = text.charCodeAt(pos);
    if (c === BACKSLASH) {
      // A backslash escapes the next character, but not a line end: as in BIND, the token stops there (and the
      // name or rdata reader reports the dangling backslash) so the next line still starts a new entry.
      const next = text.charCodeAt(pos + 1);
      pos = next === LF || next === CR || pos + 1 >= length ? pos + 1 : pos + 2;
      continue;
    }
    if (c === SPACE || c === TAB || c === LF || c === CR || c === NUL || c === OPEN || c === CLOSE || c === QUOTE || c === SEMICOLON) break;
    pos++;
  }
  tokens.push({ kind: TokenKind.Word, start, end: pos, text: text.slice(start, pos) });
  return pos;
}

/**
 * The offset of the line break that ends the line holding `pos` (or the end of the text). It scans only that
 * line: searching for LF and CR separately with indexOf would run to the end of the text whenever one of them is
 * absent (no CR in an LF file), which made every comment cost the rest of the file.
 */
function endOfLine(text: string, pos: number): number {
  const length = text.length;
  let end = pos;
  while (end < length) {
    const c = text.charCodeAt(end);
    if (c === LF || c === CR) break;
    end++;
  }
  return end;
}

/**
 * The start of the next line, after `pos`, that begins at column 0 with something that can start an entry
 * (an owner or a directive): the recovery point after an unclosed `(`.
 */
function nextEntryLine(text: string, pos: number): number {
  let lineEnd = endOfLine(text, pos);
  while (lineEnd < text.length) {
    const next = lineEnd + (text.charCodeAt(lineEnd) === CR && text.charCodeAt(lineEnd + 1) === LF ? 2 : 1);
    const c = text.charCodeAt(next);
    if (next < text.length && c !== SPACE && c !== TAB && c !== SEMICOLON && c !== OPEN && c !== CLOSE && c !== LF && c !== CR) return next;
    lineEnd = endOfLine(text, next);
  }
  return text.length;
}
