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
  const tags: Tag[] = [];
  const problems: TagListProblem[] = [];
  let segmentStart = 0;
  for (;;) {
    const semicolon = text.indexOf(';', segmentStart);
    const segmentEnd = semicolon < 0 ? text.length : semicolon;
    const isLast = semicolon < 0;
    const first = skipWhitespace(text, segmentStart, segmentEnd);
    if (first === segmentEnd) {
      if (!isLast) problems.push({ kind: 'empty-tag', range: { start: semicolon, end: semicolon + 1 } });
      else if (segmentStart > 0 && segmentEnd > segmentStart) {
        problems.push({ kind: 'trailing-whitespace', range: { start: segmentStart, end: segmentEnd } });
      }
    } else {
      readTagSpec(text, first, segmentEnd, tags, problems);
    }
    if (isLast) break;
    segmentStart = semicolon + 1;
  }
  return { tags, problems };
}

/** Whitespace inside a tag list: WSP, and the CR and LF of folding whitespace. */
export function isTagListWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10;
}

function readTagSpec(text: string, start: number, end: number, tags: Tag[], problems: TagListProblem[]): void {
  const last = trimEnd(text, start, end);
  const equals = text.indexOf('=', start);
  if (equals < 0 || equals >= end) {
    problems.push({ kind: 'missing-equals', range: { start, end: last } });
    return;
  }
  const nameEnd = trimEnd(text, start, equals);
  const name = text.slice(start, nameEnd);
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
    const range = nameEnd > start ? { start, end: nameEnd } : { start: equals, end: equals + 1 };
    problems.push({ kind: 'bad-tag-name', range });
    return;
  }
  const valueStart = skipWhitespace(text, equals + 1, end);
  const valueEnd = Math.max(valueStart, trimEnd(text, valueStart, end));
  for (let i = valueStart; i < valueEnd; i++) {
    const code = text.charCodeAt(i);
    if ((code < 32 && !isTagListWhitespace(code)) || code > 126) {
      problems.push({ kind: 'bad-value-char', range: { start: i, end: i + 1 } });
      break;
    }
  }
  tags.push({
    name,
    value: text.slice(valueStart, valueEnd),
    range: { start, end: valueEnd > valueStart ? valueEnd : equals + 1 },
    nameRange: { start, end: nameEnd },
    valueRange: { start: valueStart, end: valueEnd },
  });
}

function skipWhitespace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isTagListWhitespace(text.charCodeAt(i))) i++;
  return i;
}

function trimEnd(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isTagListWhitespace(text.charCodeAt(i - 1))) i--;
  return i;
}
