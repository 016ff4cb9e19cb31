// spf-syntax: any violation of the RFC 7208 §12 grammar, reported at the exact term or character; receivers
// return permerror for the whole record (§4.6), whichever term is at fault.

import { locate, nearSpfRecordsOf, spfRecordsOf } from '../email/spf/records';
import { joinProblems } from '../email/spf/stringJoin';
import type { Rule } from './rule';

const VERSION_LENGTH = 6;

export const rule: Rule = {
  meta: { id: 'spf-syntax', defaultSeverity: 'error', summary: 'An SPF record breaks the RFC 7208 grammar, so receivers return permerror.' },
  check(context) {
    for (const spf of spfRecordsOf(context.zone)) {
      if (spf.parsed.errors.length === 0) continue;
      const txt = spf.zone;
      // A term that two strings glued together is spf-string-join's finding: one mistake, one diagnostic.
      const glued = txt.text.strings.length < 2 ? [] : joinProblems(txt).filter((problem) => problem.repair.kind === 'add-space');
      for (const error of spf.parsed.errors) {
        if (glued.some((problem) => problem.range.start <= error.start && error.end <= problem.range.end)) continue;
        context.report({ location: locate(txt, error), message: `${error.message}; receivers return permerror for the whole record` });
      }
    }
    // `v=spf1` glued to what follows is not an SPF record at all, and receivers silently ignore it. When a string
    // boundary does the gluing, spf-string-join explains it better.
    for (const txt of nearSpfRecordsOf(context.zone)) {
      const text = txt.text.text;
      if (!/^v=spf1[^ 0-9]/i.test(text) || txt.text.stringStarts.includes(VERSION_LENGTH)) continue;
      context.report({
        location: locate(txt, { start: 0, end: Math.min(text.length, firstSpace(text)) }),
        message: '"v=spf1" must be followed by a space: receivers do not see this record as SPF (RFC 7208 §4.5)',
      });
    }
  },
};

function firstSpace(text: string): number {
  const space = text.indexOf(' ');
  return space < 0 ? text.length : space;
}
