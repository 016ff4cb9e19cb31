// spf-string-join: receivers join a record's character-strings with nothing between them (RFC 7208 §3.3). A
// split written as if a space were added glues two terms into one; a space at the split cuts one term in two.

import type { ParsedSpf } from '../email/spf/parse';
import type { ZoneTxtRecord } from '../email/spf/records';
import { locate, nearSpfRecordsOf, spfRecordsOf } from '../email/spf/records';
import type { JoinProblem } from '../email/spf/stringJoin';
import { joinProblems, unquotedAt } from '../email/spf/stringJoin';
import type { Fix, TextEdit } from '../edit/textEdit';
import { MAX_STRING_OCTETS, replaceInTxt, rewriteTxt } from '../edit/txt';
import type { CharString } from '../zone/rdata/types';
import type { Rule, RuleContext } from './rule';

const MAX_LAYOUTS_PER_TEXT = 8;

export const rule: Rule = {
  meta: {
    id: 'spf-string-join',
    defaultSeverity: 'error',
    summary: 'Joining the strings of an SPF record (with no space, RFC 7208 §3.3) glues two terms together or cuts one.',
  },
  check(context) {
    // Every TXT record whose text starts with v=spf1, whether the joining made it an SPF record or not. The
    // problems depend on the text (records of one text share a parse), where each string starts and whether it
    // is quoted: a zone generated for thousands of domains has each of its few layouts looked at once.
    const layoutsByParse = new Map<ParsedSpf, Array<{ readonly strings: readonly CharString[]; readonly problems: readonly JoinProblem[] }>>();
    for (const spf of spfRecordsOf(context.zone)) {
      if (spf.txt.count < 2) continue;
      const strings = spf.strings;
      let layouts = layoutsByParse.get(spf.parsed);
      if (layouts === undefined) layoutsByParse.set(spf.parsed, (layouts = []));
      let problems: readonly JoinProblem[] | undefined;
      for (const layout of layouts) {
        if (sameLayout(layout.strings, strings)) {
          problems = layout.problems;
          break;
        }
      }
      if (problems === undefined) {
        problems = joinProblems(spf.zone);
        // A few layouts per text are kept; more would make the search for one cost more than it saves.
        if (layouts.length < MAX_LAYOUTS_PER_TEXT) layouts.push({ strings, problems });
      }
      if (problems.length > 0) reportJoins(context, spf.zone, problems);
    }
    for (const txt of nearSpfRecordsOf(context.zone)) if (txt.text.strings.length >= 2) reportJoins(context, txt, joinProblems(txt));
  },
};

/** True when two records of one text split it at the same places and quote the same strings. */
function sameLayout(a: readonly CharString[], b: readonly CharString[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].value.length !== b[i].value.length || a[i].quoted !== b[i].quoted) return false;
  return true;
}

function reportJoins(context: RuleContext, txt: ZoneTxtRecord, problems: readonly JoinProblem[]): void {
  for (const finding of problems) context.report({ location: locate(txt, finding.range), message: finding.message, fixes: joinFixes(txt, finding, problems) });
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
