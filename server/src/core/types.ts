// The vocabulary shared by every part of the analysis core: spans, findings, severities and source files.
// Nothing here knows about LSP or VS Code; positions are UTF-16 offsets into a file's text.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A half-open range [start, end) of UTF-16 offsets into one source file's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One file of zone text as the core sees it: where it came from and what it holds. */
export class SourceFile {
  private lineStartCache: number[] | undefined;
  private asciiCache: boolean | undefined;

  constructor(
    /** Absolute path (CLI) or URI-derived path (server); used to label findings and resolve `$INCLUDE`. */
    readonly path: string,
    readonly text: string,
  ) {}

  /** Offsets at which each line starts. CRLF and a lone CR end a line, as in BIND. */
  get lineStarts(): readonly number[] {
    if (this.lineStartCache === undefined) {
      const starts = [0];
      const text = this.text;
      if (text.indexOf('\r') < 0) {
        // Without a CR every line ends at an LF, and indexOf finds those far faster than a loop over every char.
        for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
        this.lineStartCache = starts;
        return starts;
      }
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
      this.lineStartCache = starts;
    }
    return this.lineStartCache;
  }

  /**
   * Whether every character of the text is ASCII. Then a token without a backslash is its own octets, and the
   * rdata reader need not check each character-string of a large zone for other characters one by one.
   */
  get ascii(): boolean {
    // A string's UTF-8 form is exactly as long as the string only when every character is below 0x80; Node counts
    // it natively, tens of megabytes in milliseconds.
    this.asciiCache ??= Buffer.byteLength(this.text, 'utf8') === this.text.length;
    return this.asciiCache;
  }

  /** 0-based line and character (UTF-16 units) of an offset, as LSP counts them. */
  positionAt(offset: number): { line: number; character: number } {
    const starts = this.lineStarts;
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - starts[low] };
  }

  /** Offset of a 0-based line and character, clamped to the text. */
  offsetAt(position: { line: number; character: number }): number {
    const starts = this.lineStarts;
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    return Math.min(starts[position.line] + Math.max(0, position.character), next);
  }
}

/** A place in a file. */
export interface Location {
  readonly file: SourceFile;
  readonly span: Span;
}

/** Another place that helps explain a finding (the other record of a duplicate pair, an include chain). */
export interface RelatedInformation {
  readonly location: Location;
  readonly message: string;
}

/** One problem found by the core, before severities from settings and suppressions are applied. */
export interface Finding {
  readonly ruleId: string;
  /** Severity chosen by the check; a rule may report some cases more or less severely than its default. */
  readonly severity: Severity;
  readonly message: string;
  readonly location: Location;
  readonly related?: readonly RelatedInformation[];
}

