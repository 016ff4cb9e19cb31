// Where joining an SPF record's character-strings (with nothing between them, RFC 7208 §3.3) glues two terms into
// one or a space at a boundary cuts one in two. Shared by spf-string-join, which reports and repairs it, and
// spf-syntax, which leaves a glued term to it rather than report the same mistake twice.

import { parseTerm } from './parse';
import type { TextRange } from './parse';
import type { ZoneTxtRecord } from './records';

export interface JoinProblem {
  readonly range: TextRange;
  readonly message: string;
  /** A space to add at a string boundary, or the spaces at one to remove. */
  readonly repair: { readonly kind: 'add-space'; readonly at: number } | { readonly kind: 'remove-space'; readonly range: TextRange };
}

/** Looks at every place where one string ends and the next begins. */
export function joinProblems(txt: ZoneTxtRecord): JoinProblem[] {
  const text = txt.text.text;
  const tokens = spaceSeparated(text);
  const boundaries = new Set(txt.text.stringStarts.filter((start) => start > 0 && start < text.length));
  const problems: JoinProblem[] = [];
  for (const boundary of boundaries) {
    const inside = tokens.findIndex((token) => token.start < boundary && boundary < token.end);
    if (inside >= 0) {
      // A term may cross several boundaries; judge each split between its neighbouring boundaries.
      const token = tokens[inside];
      const from = Math.max(token.start, ...[...boundaries].filter((other) => other < boundary));
      const to = Math.min(token.end, ...[...boundaries].filter((other) => other > boundary));
      const left = text.slice(from, boundary);
      const right = text.slice(boundary, to);
      const leftWhole = from === 0 ? /^v=spf1$/i.test(left) : isWholeTerm(left);
      if (leftWhole && isWholeTerm(right)) {
        const fix = unquotedAt(txt, boundary) ? 'unquoted words are separate strings: put the whole record in one pair of quotes' : 'end the first string with a space';
        problems.push({
          range: { start: from, end: to },
          message: `the strings are joined with nothing between them (RFC 7208 §3.3), so "${left}" and "${right}" become one term "${left}${right}": ${fix}`,
          repair: { kind: 'add-space', at: boundary },
        });
      }
      continue;
    }
    const after = tokens.findIndex((token) => token.start >= boundary);
    if (after <= 1) continue;
    const before = tokens[after - 1];
    const next = tokens[after];
    const left = text.slice(before.start, before.end);
    const right = text.slice(next.start, next.end);
    if ((!isWholeTerm(left) || !isWholeTerm(right)) && isWholeTerm(left + right)) {
      problems.push({
        range: { start: before.start, end: next.end },
        message: `the space at the string boundary cuts "${left}${right}" in two ("${left}" and "${right}"); strings are joined with nothing between them (RFC 7208 §3.3), so remove the space`,
        repair: { kind: 'remove-space', range: { start: before.end, end: next.start } },
      });
    }
  }
  return problems;
}

/** True when the string that starts at `boundary`, or the one before it, was written without quotes. */
export function unquotedAt(txt: ZoneTxtRecord, boundary: number): boolean {
  const index = txt.text.stringStarts.lastIndexOf(boundary);
  return !txt.text.strings[index].quoted || (index > 0 && !txt.text.strings[index - 1].quoted);
}

/** The runs of non-space characters of a record, the version first. */
function spaceSeparated(text: string): TextRange[] {
  const tokens: TextRange[] = [];
  const pattern = /[^ ]+/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) tokens.push({ start: match.index, end: match.index + match[0].length });
  return tokens;
}

function isWholeTerm(text: string): boolean {
  return parseTerm(text).errors.length === 0;
}
