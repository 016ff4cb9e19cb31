// The tag=value list that DKIM key records and DMARC records share (RFC 6376 §3.2), with the range of every tag,
// name and value in record-text offsets, and the grammar problems found on the way.

/** A half-open range of offsets into a record's joined text (map it to the source with `sourceSpan`). */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface Tag {
  /** The name as written; DKIM compares names case-sensitively, DMARC does not. */
  readonly name: string;
  /** The value without the whitespace around it; whitespace inside the value is kept. */
  readonly value: string;
  /** From the first character of the name to the end of the value (or of the `=` when the value is empty). */
  readonly range: TextRange;
  readonly nameRange: TextRange;
  /** Where the value stands; an empty range just after the `=` when there is no value. */
  readonly valueRange: TextRange;
}

export type TagListProblemKind =
  /** A `;` with no tag before it: `;;`, or a record that starts with `;`. */
  | 'empty-tag'
  /** Text between two `;` that has no `=`. */
  | 'missing-equals'
  /** A name that is empty or not `ALPHA *(ALPHA / DIGIT / "_")`. */
  | 'bad-tag-name'
  /** A control character or a non-ASCII octet in a value. */
  | 'bad-value-char'
  /** Whitespace after the final `;`, which the RFC 6376 grammar does not allow (DMARC's grammar does). */
  | 'trailing-whitespace';

export interface TagListProblem {
  readonly kind: TagListProblemKind;
  readonly range: TextRange;
}

export interface TagList {
  readonly tags: readonly Tag[];
  readonly problems: readonly TagListProblem[];
}

/**
 * Splits a record's text into tags. It never fails: text that breaks the grammar becomes a problem with its
 * range, and the tags around it are still read, so one slip does not hide the rest of the record.
 */
export function parseTagList(text: string): TagList {
  scanTagList(text, scratch);
  const tags: Tag[] = [];
  for (let i = 0; i < scratch.tagCount; i++) {
    const nameStart = scratch.nameStart(i);
    const valueStart = scratch.valueStart(i);
    const valueEnd = scratch.valueEnd(i);
    tags.push({
      name: text.slice(nameStart, scratch.nameEnd(i)),
      value: text.slice(valueStart, valueEnd),
      range: { start: nameStart, end: scratch.rangeEnd(i) },
      nameRange: { start: nameStart, end: scratch.nameEnd(i) },
      valueRange: { start: valueStart, end: valueEnd },
    });
  }
  const problems: TagListProblem[] = [];
  for (let i = 0; i < scratch.problemCount; i++) {
    problems.push({ kind: scratch.problemKind(i), range: { start: scratch.problemStart(i), end: scratch.problemEnd(i) } });
  }
  return { tags, problems };
}

/**
 * The tags and problems of one tag list as offsets, for parsers that read a whole zone's records: one scan is
 * reused from record to record, so reading a record builds no object per tag, and a caller keeps only the
 * numbers it needs.
 */
export class TagListScan {
  /** Five numbers per tag: name start, name end, the `=`, value start, value end. */
  private tagPlaces: Int32Array = new Int32Array(5 * 8);
  /** Three numbers per problem: its kind (an index into PROBLEM_KINDS), start, end. */
  private problemPlaces: Int32Array = new Int32Array(3 * 4);
  private tags = 0;
  private problems = 0;

  get tagCount(): number {
    return this.tags;
  }

  get problemCount(): number {
    return this.problems;
  }

  nameStart(index: number): number {
    return this.tagPlaces[5 * index];
  }

  nameEnd(index: number): number {
    return this.tagPlaces[5 * index + 1];
  }

  equalsAt(index: number): number {
    return this.tagPlaces[5 * index + 2];
  }

  valueStart(index: number): number {
    return this.tagPlaces[5 * index + 3];
  }

  valueEnd(index: number): number {
    return this.tagPlaces[5 * index + 4];
  }

  /** The end of the tag's range: the end of its value, or just past the `=` when the value is empty. */
  rangeEnd(index: number): number {
    const valueEnd = this.valueEnd(index);
    return valueEnd > this.valueStart(index) ? valueEnd : this.equalsAt(index) + 1;
  }

  problemKind(index: number): TagListProblemKind {
    return PROBLEM_KINDS[this.problemPlaces[3 * index]];
  }

  problemStart(index: number): number {
    return this.problemPlaces[3 * index + 1];
  }

  problemEnd(index: number): number {
    return this.problemPlaces[3 * index + 2];
  }

  /** Forgets the previous text's tags and problems. */
  reset(): void {
    this.tags = 0;
    this.problems = 0;
  }

  addTag(nameStart: number, nameEnd: number, equals: number, valueStart: number, valueEnd: number): void {
    if (5 * (this.tags + 1) > this.tagPlaces.length) this.tagPlaces = grown(this.tagPlaces);
    const at = 5 * this.tags++;
    this.tagPlaces[at] = nameStart;
    this.tagPlaces[at + 1] = nameEnd;
    this.tagPlaces[at + 2] = equals;
    this.tagPlaces[at + 3] = valueStart;
    this.tagPlaces[at + 4] = valueEnd;
  }

  addProblem(kind: TagListProblemKind, start: number, end: number): void {
    if (3 * (this.problems + 1) > this.problemPlaces.length) this.problemPlaces = grown(this.problemPlaces);
    const at = 3 * this.problems++;
    this.problemPlaces[at] = PROBLEM_KINDS.indexOf(kind);
    this.problemPlaces[at + 1] = start;
    this.problemPlaces[at + 2] = end;
  }
}

/** Reads a text's tags and problems into `scan` (emptied first), in the order they are written. */
export function scanTagList(text: string, scan: TagListScan): void {
  scan.reset();
  let segmentStart = 0;
  for (;;) {
    const semicolon = text.indexOf(';', segmentStart);
    const segmentEnd = semicolon < 0 ? text.length : semicolon;
    const isLast = semicolon < 0;
    const first = skipWhitespace(text, segmentStart, segmentEnd);
    if (first === segmentEnd) {
      if (!isLast) scan.addProblem('empty-tag', semicolon, semicolon + 1);
      else if (segmentStart > 0 && segmentEnd > segmentStart) scan.addProblem('trailing-whitespace', segmentStart, segmentEnd);
    } else {
      readTagSpec(text, first, segmentEnd, scan);
    }
    if (isLast) break;
    segmentStart = semicolon + 1;
  }
}

/** Whitespace inside a tag list: WSP, and the CR and LF of folding whitespace. */
export function isTagListWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10;
}

const PROBLEM_KINDS: readonly TagListProblemKind[] = ['empty-tag', 'missing-equals', 'bad-tag-name', 'bad-value-char', 'trailing-whitespace'];

/** The scan behind `parseTagList`, reused: it is emptied at the start of every call. */
const scratch = new TagListScan();

function grown(places: Int32Array): Int32Array {
  const bigger = new Int32Array(places.length * 2);
  bigger.set(places);
  return bigger;
}

function readTagSpec(text: string, start: number, end: number, scan: TagListScan): void {
  const last = trimEnd(text, start, end);
  const equals = text.indexOf('=', start);
  if (equals < 0 || equals >= end) {
    scan.addProblem('missing-equals', start, last);
    return;
  }
  const nameEnd = trimEnd(text, start, equals);
  if (!isTagName(text, start, nameEnd)) {
    if (nameEnd > start) scan.addProblem('bad-tag-name', start, nameEnd);
    else scan.addProblem('bad-tag-name', equals, equals + 1);
    return;
  }
  const valueStart = skipWhitespace(text, equals + 1, end);
  const valueEnd = Math.max(valueStart, trimEnd(text, valueStart, end));
  for (let i = valueStart; i < valueEnd; i++) {
    const code = text.charCodeAt(i);
    if ((code < 32 && !isTagListWhitespace(code)) || code > 126) {
      scan.addProblem('bad-value-char', i, i + 1);
      break;
    }
  }
  scan.addTag(start, nameEnd, equals, valueStart, valueEnd);
}

/** `ALPHA *(ALPHA / DIGIT / "_")`, tested in place rather than on a copy of the name. */
function isTagName(text: string, start: number, end: number): boolean {
  if (end <= start || !isAsciiLetter(text.charCodeAt(start))) return false;
  for (let i = start + 1; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!isAsciiLetter(code) && !(code >= 48 && code <= 57) && code !== 95) return false;
  }
  return true;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The first offset from `from` on that is not tag-list white space (FWS), or `to`. */
export function skipWhitespace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isTagListWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/** The end of `text[from, to)` without the tag-list white space at its end. */
export function trimEnd(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isTagListWhitespace(text.charCodeAt(i - 1))) i--;
  return i;
}
