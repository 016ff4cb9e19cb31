// Turning offsets into line/character positions for output that visits a file's diagnostics in source order.

import type { SourceFile } from '../core/types';

/**
 * 0-based lines and UTF-16 characters, as LSP counts them and `SourceFile.positionAt` gives them, for offsets that
 * mostly come in ascending order, as a report's diagnostics do. The cursor walks forward through the text from line
 * break to line break (LF, CRLF or a lone CR, as `lineStarts` counts them), so the whole output costs one pass over
 * the text, without a table of every line start or a search per offset. An offset behind the cursor is placed with
 * `positionAt` and the walk carries on from there, so any order gives the same answers.
 */
export class PositionCursor {
  private readonly text: string;
  private line = 0;
  private lineStart = 0;
  /** Where the line after the cursor's starts, or Infinity on the last line. */
  private nextLineStart: number;
  /** The next LF and CR at or after `lineStart` (Infinity when there is none): each is searched for once. */
  private nextLf = -1;
  private nextCr = -1;
  /** The start of the line that `lineOf` or `lineAhead` last gave, for `characterOf`. */
  private answerLineStart = 0;

  constructor(readonly file: SourceFile) {
    this.text = file.text;
    this.nextLineStart = this.lineStartAfter(0);
  }

  /** The line of `offset` (clamped to the text); the cursor moves there. */
  lineOf(offset: number): number {
    const clamped = this.clamp(offset);
    if (clamped < this.lineStart) this.jumpTo(clamped);
    while (this.nextLineStart <= clamped) {
      this.line++;
      this.lineStart = this.nextLineStart;
      this.nextLineStart = this.lineStartAfter(this.lineStart);
    }
    this.answerLineStart = this.lineStart;
    return this.line;
  }

  /**
   * The line of an offset at or after the one `lineOf` last placed, such as a span's end, without moving the cursor:
   * the next span may start before this one ends.
   */
  lineAhead(offset: number): number {
    const clamped = this.clamp(offset);
    if (clamped >= this.lineStart && clamped < this.nextLineStart) {
      this.answerLineStart = this.lineStart;
      return this.line;
    }
    const { line, lineStart, nextLineStart, nextLf, nextCr } = this;
    const answer = this.lineOf(clamped);
    this.line = line;
    this.lineStart = lineStart;
    this.nextLineStart = nextLineStart;
    this.nextLf = nextLf;
    this.nextCr = nextCr;
    return answer;
  }

  /** The character of `offset` on the line the last `lineOf` or `lineAhead` gave for it. */
  characterOf(offset: number): number {
    return this.clamp(offset) - this.answerLineStart;
  }

  private clamp(offset: number): number {
    return offset < 0 ? 0 : offset > this.text.length ? this.text.length : offset;
  }

  /** Puts the cursor on the line of an offset behind it, found by `positionAt`. */
  private jumpTo(offset: number): void {
    const position = this.file.positionAt(offset);
    this.line = position.line;
    this.lineStart = offset - position.character;
    this.nextLf = -1;
    this.nextCr = -1;
    this.nextLineStart = this.lineStartAfter(this.lineStart);
  }

  /** The start of the line after the one starting at `start`, or Infinity when that line is the last. */
  private lineStartAfter(start: number): number {
    const text = this.text;
    if (this.nextLf < start) this.nextLf = found(text.indexOf('\n', start));
    if (this.nextCr < start) this.nextCr = found(text.indexOf('\r', start));
    if (this.nextLf < this.nextCr) return this.nextLf + 1;
    if (this.nextCr === Infinity) return Infinity;
    // A CR ends the line on its own, or with the LF right after it.
    return this.nextCr + (this.nextLf === this.nextCr + 1 ? 2 : 1);
  }
}

function found(index: number): number {
  return index < 0 ? Infinity : index;
}
