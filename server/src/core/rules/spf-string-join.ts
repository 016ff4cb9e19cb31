// spf-string-join: receivers join a record's character-strings with nothing between them (RFC 7208 §3.3). A
// split written as if a space were added glues two terms into one; a space at the split cuts one term in two.

import { parseTerm } from '../email/spf/parse';
import type { TextRange } from '../email/spf/parse';
import type { ZoneTxtRecord } from '../email/spf/records';
import { locate, txtRecordsOf } from '../email/spf/records';
import type { Fix, TextEdit } from '../edit/textEdit';
import { MAX_STRING_OCTETS, replaceInTxt, rewriteTxt } from '../edit/txt';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'spf-string-join',
    defaultSeverity: 'error',
    summary: 'Joining the strings of an SPF record (with no space, RFC 7208 §3.3) glues two terms together or cuts one.',
  },
  check(context) {
    for (const txt of txtRecordsOf(context.zone)) {
      if (txt.text.strings.length < 2 || !/^v=spf1/i.test(txt.text.text)) continue;
      const problems = joinProblems(txt);
      for (const finding of problems) context.report({ location: locate(txt, finding.range), message: finding.message, fixes: joinFixes(txt, finding, problems) });
    }
  },
};

interface JoinProblem {
  readonly range: TextRange;
  readonly message: string;
  /** A space to add at a string boundary, or the spaces at one to remove. */
  readonly repair: { readonly kind: 'add-space'; readonly at: number } | { readonly kind: 'remove-space'; readonly range: TextRange };
}

/** Looks at every place where one string ends and the next begins. */
function joinProblems(txt: ZoneTxtRecord): JoinProblem[] {
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

/**
 * The space goes at the end of the first string, where the author forgot it. Unquoted words are one string each, so
 * for them the record is quoted whole, with a space at every glued boundary (one edit every such finding shares).
 */
function joinFixes(txt: ZoneTxtRecord, problem: JoinProblem, all: readonly JoinProblem[]): Fix[] {
  const { repair } = problem;
  const text = txt.text.text;
  if (repair.kind === 'add-space') {
    if (unquotedAt(txt, repair.at)) {
      const boundaries = [...new Set(all.flatMap((other) => (other.repair.kind === 'add-space' ? [other.repair.at] : [])))].sort((a, b) => a - b);
      let value = '';
      let position = 0;
      for (const at of boundaries) {
        value += `${text.slice(position, at)} `;
        position = at;
      }
      return fix('Quote the record as one string, with a space between its terms', [rewriteTxt(txt, value + text.slice(position))]);
    }
    const previous = txt.text.strings[txt.text.stringStarts.lastIndexOf(repair.at) - 1];
    const edit: TextEdit | undefined =
      previous.value.length < MAX_STRING_OCTETS
        ? { file: txt.record.file, span: { start: previous.span.end - 1, end: previous.span.end - 1 }, newText: ' ' }
        : replaceInTxt(txt, { start: repair.at, end: repair.at }, ' ');
    return fix('Add the missing space at the end of the first string', [edit]);
  }
  const title = 'Remove the space at the string boundary';
  const touched = txt.text.strings.map((string, index) => ({ string, start: txt.text.stringStarts[index], end: txt.text.stringStarts[index] + string.value.length }));
  const parts = touched.filter((part) => part.start < repair.range.end && repair.range.start < part.end);
  if (parts.some((part) => !part.string.quoted)) return fix(title, [rewriteTxt(txt, text.slice(0, repair.range.start) + text.slice(repair.range.end))]);
  return fix(
    title,
    parts.map((part) => replaceInTxt(txt, { start: Math.max(part.start, repair.range.start), end: Math.min(part.end, repair.range.end) }, '')),
  );
}

function fix(title: string, edits: ReadonlyArray<TextEdit | undefined>): Fix[] {
  const present = edits.filter((edit): edit is TextEdit => edit !== undefined);
  return present.length === 0 ? [] : [{ title, edits: present, isPreferred: true, safe: true }];
}

/** True when the string that starts at `boundary`, or the one before it, was written without quotes. */
function unquotedAt(txt: ZoneTxtRecord, boundary: number): boolean {
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
