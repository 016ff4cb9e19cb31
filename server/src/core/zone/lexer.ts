// The tokeniser for BIND master files, modelled on BIND's isc_lex in its multi-line, escape and `;`-comment mode.
// It groups tokens into entries (logical lines): an entry ends at a newline outside parentheses. Escapes stay raw
// in token text; the name and rdata parsers decode them, so every token keeps its exact source span.
// The parser reads entries through `scanEntries`, which hands over places rather than token objects: a large zone
// has millions of tokens, and most of them (owners, classes, types) need no string of their own.

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

/** A quoted string whose closing quote is missing: its token ends at the line end and has no closing quote. */
const UNCLOSED_QUOTE = 2;

/**
 * One entry as `scanEntries` hands it over: its tokens as kinds and places in three parallel lists. The object
 * and its lists are reused for the next entry, so a caller takes what it needs before it returns.
 */
export class ScannedEntry {
  /** How many tokens the entry has; the lists may be longer, from an earlier entry. */
  count = 0;
  /** TokenKind of each token, or UNCLOSED_QUOTE. */
  readonly kinds: number[] = [];
  /** Where each token starts; a quoted string starts at its opening quote. */
  readonly starts: number[] = [];
  /** Where each token ends; a quoted string ends after its closing quote. */
  readonly ends: number[] = [];
  blankOwner = false;
  lineStart = 0;
  errors: LexError[] = [];

  constructor(readonly text: string) {}

  kind(index: number): TokenKind {
    return this.kinds[index] === TokenKind.Word ? TokenKind.Word : TokenKind.QString;
  }

  /** A token's text as `Token.text` gives it: escapes kept, without the quotes of a quoted string. */
  tokenText(index: number): string {
    const kind = this.kinds[index];
    const start = this.starts[index];
    const end = this.ends[index];
    if (kind === TokenKind.Word) return this.text.slice(start, end);
    return this.text.slice(start + 1, kind === UNCLOSED_QUOTE ? end : end - 1);
  }

  /** Whether a token's text is `expected`, compared in place. */
  tokenTextIs(index: number, expected: string): boolean {
    const kind = this.kinds[index];
    const start = kind === TokenKind.Word ? this.starts[index] : this.starts[index] + 1;
    const end = kind === TokenKind.QString ? this.ends[index] - 1 : this.ends[index];
    if (end - start !== expected.length) return false;
    // A loop rather than startsWith: the texts compared are short, and startsWith with a position into a large
    // string took a third of the entry reader's time. The last character first: relative names of neighbouring
    // records (d1 and d2, _dmarc.d1 and _dmarc.d2) share their start and differ last, while absolute names differ
    // first and all end with a dot.
    const text = this.text;
    const last = expected.length - 1;
    if (last >= 0 && text.charCodeAt(start + last) !== expected.charCodeAt(last)) return false;
    for (let i = 0; i < last; i++) if (text.charCodeAt(start + i) !== expected.charCodeAt(i)) return false;
    return true;
  }

  token(index: number): Token {
    return { kind: this.kind(index), start: this.starts[index], end: this.ends[index], text: this.tokenText(index) };
  }

  /** The tokens from `from` to the end of the entry, as objects. */
  tokensFrom(from: number): Token[] {
    const tokens = new Array<Token>(Math.max(0, this.count - from));
    for (let i = from; i < this.count; i++) tokens[i - from] = this.token(i);
    return tokens;
  }

  /** A copy that outlives the scan. */
  toEntry(): Entry {
    return { tokens: this.tokensFrom(0), blankOwner: this.blankOwner, lineStart: this.lineStart, errors: this.errors.slice() };
  }

  add(kind: number, start: number, end: number): void {
    const index = this.count++;
    this.kinds[index] = kind;
    this.starts[index] = start;
    this.ends[index] = end;
  }
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
export function scanEntries(text: string, onEntry: (entry: ScannedEntry) => void): LexResult {
  const comments: Comment[] = [];
  const entry = new ScannedEntry(text);
  const first = runLexer(text, 0, comments, [], entry, onEntry);
  if (first.unclosedParens.length > 0) {
    // Nothing after the first unclosed `(` was emitted; lex that part again knowing which parentheses never close.
    comments.length = first.commentsBeforeResume;
    runLexer(text, first.resumeAt, comments, first.unclosedParens, entry, onEntry);
  }
  const last = text.charCodeAt(text.length - 1);
  return { comments, missingFinalNewline: text.length > 0 && last !== LF && last !== CR };
}

/** Like `scanEntries`, with each entry as token objects that the callback may keep. */
export function lexEntries(text: string, onEntry: (entry: Entry) => void): LexResult {
  return scanEntries(text, (entry) => onEntry(entry.toEntry()));
}

/**
 * The extent of every entry of a file, in order: from its first token (or error) to its last. Used to give a
 * suppression comment the whole next record, however many lines it spans.
 */
export function entryExtents(text: string): Span[] {
  const extents: Span[] = [];
  scanEntries(text, (entry) => extents.push(scannedExtent(entry)));
  return extents;
}

/** One entry's extent: from its first token (or error) to its last. */
export function scannedExtent(entry: ScannedEntry): Span {
  let start = Infinity;
  let end = -Infinity;
  for (let i = 0; i < entry.count; i++) {
    start = Math.min(start, entry.starts[i]);
    end = Math.max(end, entry.ends[i]);
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
  // The rdata is lexed on its own, so the quoted-string scan's searches stop at its end rather than the file's.
  const rdata = text.slice(start, end);
  const entry = new ScannedEntry(rdata);
  const marks = new QuotedStringMarks(rdata);
  let pos = 0;
  while (pos < rdata.length) {
    const c = rdata.charCodeAt(pos);
    if (c === SPACE || c === TAB || c === LF || c === CR || c === OPEN || c === CLOSE) pos++;
    else if (c === SEMICOLON) pos = endOfLine(rdata, pos);
    else if (c === QUOTE) pos = lexQuoted(rdata, pos, entry, marks);
    else pos = lexWord(rdata, pos, entry);
  }
  return entry.tokensFrom(0).map((token) => ({ kind: token.kind, start: token.start + start, end: token.end + start, text: token.text }));
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
  entry: ScannedEntry,
  onEntry: (entry: ScannedEntry) => void,
): PassResult {
  const length = text.length;
  let pos = from;
  let atLineStart = true;
  const parenStack: number[] = [];
  /** Index into `unclosed` of the first position not yet passed. */
  let nextUnclosed = 0;
  let commentsAtEntryStart = comments.length;
  const marks = new QuotedStringMarks(text);
  entry.count = 0;
  entry.errors = [];
  entry.blankOwner = false;
  entry.lineStart = from;

  const flush = (): void => {
    if (entry.count > 0 || entry.errors.length > 0) {
      onEntry(entry);
      entry.count = 0;
      // Entries with errors are rare; only they need a fresh list (the callback may have kept the old one).
      if (entry.errors.length > 0) entry.errors = [];
    }
    entry.blankOwner = false;
  };

  while (pos < length) {
    const c = text.charCodeAt(pos);
    if (c === LF || c === CR) {
      pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      if (parenStack.length === 0) {
        flush();
        atLineStart = true;
        entry.lineStart = pos;
        commentsAtEntryStart = comments.length;
      }
      continue;
    }
    if (c === SPACE || c === TAB) {
      if (atLineStart && parenStack.length === 0 && entry.count === 0) entry.blankOwner = true;
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
        entry.errors.push({ span: { start: pos, end: pos + 1 }, message: 'unbalanced parentheses: this ( is never closed' });
        // Skip to the next line that starts a new entry at column 0; the broken entry ends here.
        pos = nextEntryLine(text, pos);
        parenStack.length = 0;
        flush();
        atLineStart = true;
        entry.lineStart = pos;
        commentsAtEntryStart = comments.length;
        continue;
      }
      parenStack.push(pos);
      pos++;
      continue;
    }
    if (c === CLOSE) {
      if (parenStack.length === 0) entry.errors.push({ span: { start: pos, end: pos + 1 }, message: 'unbalanced parentheses: ) without (' });
      else parenStack.pop();
      pos++;
      continue;
    }
    if (c === NUL) {
      const start = pos;
      while (pos < length && text.charCodeAt(pos) === NUL) pos++;
      entry.errors.push({ span: { start, end: pos }, message: 'NUL byte in zone text' });
      continue;
    }
    if (c === QUOTE) {
      pos = lexQuoted(text, pos, entry, marks);
      continue;
    }
    pos = lexWord(text, pos, entry);
  }

  if (parenStack.length > 0) {
    if (unclosed.length === 0) {
      // First pass: report nothing yet; the caller re-lexes from the entry that holds the first unclosed `(`.
      return { unclosedParens: parenStack, resumeAt: entry.lineStart, commentsBeforeResume: commentsAtEntryStart };
    }
    // The second pass can still meet a `(` it could not foresee (after a recovery skip); report and stop there.
    entry.errors.push({ span: { start: parenStack[0], end: parenStack[0] + 1 }, message: 'unbalanced parentheses: this ( is never closed' });
  }
  flush();
  return { unclosedParens: [], resumeAt: length, commentsBeforeResume: comments.length };
}

/**
 * Where the next quote, backslash, line break and NUL stand: the characters that end or interrupt a quoted string.
 * Quoted strings are most of a mail zone's text (DKIM keys), and finding these with `indexOf` is several times
 * faster than looking at every character. Each search starts where the last one's answer was passed, so together
 * they read the text once per character they look for.
 */
class QuotedStringMarks {
  private readonly next = [-1, -1, -1, -1, -1];

  constructor(private readonly text: string) {}

  /** The first position at or after `pos` holding the mark `which` (an index into MARKS), or the text's length. */
  at(which: number, pos: number): number {
    let found = this.next[which];
    if (found < pos) {
      found = this.text.indexOf(MARKS[which], pos);
      if (found < 0) found = this.text.length;
      this.next[which] = found;
    }
    return found;
  }
}

const MARKS = ['"', '\\', '\n', '\r', '\0'];
const MARK_QUOTE = 0;
const MARK_BACKSLASH = 1;
const MARK_LF = 2;
const MARK_CR = 3;
const MARK_NUL = 4;

function lexQuoted(text: string, start: number, entry: ScannedEntry, marks: QuotedStringMarks): number {
  const length = text.length;
  let pos = start + 1;
  while (pos < length) {
    const quote = marks.at(MARK_QUOTE, pos);
    const backslash = marks.at(MARK_BACKSLASH, pos);
    const lineEnd = Math.min(marks.at(MARK_LF, pos), marks.at(MARK_CR, pos));
    const nul = marks.at(MARK_NUL, pos);
    if (quote < backslash && quote < lineEnd && quote < nul) {
      entry.add(TokenKind.QString, start, quote + 1);
      return quote + 1;
    }
    if (backslash < lineEnd && backslash < nul) {
      // An escaped CRLF keeps both characters, as BIND keeps the escaped newline.
      pos = backslash + (text.charCodeAt(backslash + 1) === CR && text.charCodeAt(backslash + 2) === LF ? 3 : 2);
      continue;
    }
    if (nul < lineEnd) {
      entry.errors.push({ span: { start: nul, end: nul + 1 }, message: 'NUL byte in zone text' });
      pos = nul + 1;
      continue;
    }
    pos = lineEnd;
    break;
  }
  const end = Math.min(pos, length);
  entry.errors.push({ span: { start, end }, message: 'unbalanced quotes: this string is not closed on its line' });
  entry.add(UNCLOSED_QUOTE, start, end);
  return end;
}

/** For each character below 128: 1 when it ends a word, 2 for the backslash, 0 otherwise. */
const WORD_STOPS = new Uint8Array(128);
for (const c of [SPACE, TAB, LF, CR, NUL, OPEN, CLOSE, QUOTE, SEMICOLON]) WORD_STOPS[c] = 1;
WORD_STOPS[BACKSLASH] = 2;

function lexWord(text: string, start: number, entry: ScannedEntry): number {
  const length = text.length;
  let pos = start;
  while (pos < length) {
    const c = text.charCodeAt(pos);
    const stop = c < 128 ? WORD_STOPS[c] : 0;
    if (stop === 0) {
      pos++;
      continue;
    }
    if (stop === 1) break;
    // A backslash escapes the next character, but not a line end: as in BIND, the token stops there (and the
    // name or rdata reader reports the dangling backslash) so the next line still starts a new entry.
    const next = text.charCodeAt(pos + 1);
    pos = next === LF || next === CR || pos + 1 >= length ? pos + 1 : pos + 2;
  }
  entry.add(TokenKind.Word, start, pos);
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
