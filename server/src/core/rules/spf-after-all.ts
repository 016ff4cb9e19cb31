// spf-after-all: mechanisms after `all` are never evaluated, because `all` always matches (RFC 7208 §5.1).

import type { ParsedSpf } from '../email/spf/parse';
import { isMechanism } from '../email/spf/parse';
import { locate, spfRecordsOf } from '../email/spf/records';
import type { ZoneSpfRecord } from '../email/spf/records';
import { spfTextWithout } from '../edit/spf';
import type { Fix } from '../edit/textEdit';
import { editFix } from '../edit/textEdit';
import { rewriteTxt } from '../edit/txt';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'spf-after-all', defaultSeverity: 'warning', summary: 'Terms after all are never evaluated.' },
  check(context) {
    for (const spf of spfRecordsOf(context.zone)) {
      if (!hasMechanismAfterAll(spf.parsed)) continue;
      const mechanisms = spf.parsed.terms.filter(isMechanism);
      const allIndex = mechanisms.findIndex((term) => term.kind === 'all');
      const all = mechanisms[allIndex];
      const fixes = afterAllFixes(spf, allIndex);
      const txt = spf.zone;
      // Modifiers may stand anywhere (RFC 7208 §4.6.3); only mechanisms after `all` are dead.
      for (const term of mechanisms.slice(allIndex + 1)) {
        context.report({
          location: locate(txt, term),
          message: `"${term.text}" comes after "${all.text}", which always matches, so it is never evaluated (RFC 7208 §5.1): move it before ${all.text}`,
          related: [{ location: locate(txt, all), message: 'evaluation stops here' }],
          fixes,
        });
      }
    }
  },
};

/** True when a mechanism follows the first `all`: a quick test before the record's terms are sorted out. */
function hasMechanismAfterAll(parsed: ParsedSpf): boolean {
  if (parsed.all === undefined) return false;
  let seenAll = false;
  for (const term of parsed.terms) {
    if (seenAll && isMechanism(term)) return true;
    if (term.kind === 'all') seenAll = true;
  }
  return false;
}

/**
 * Moving `all` to the end makes the terms after it count, as their author meant (the preferred fix, and every
 * `all` but the first goes); removing them instead keeps what receivers do today, so it is safe for fix-all.
 */
function afterAllFixes(spf: ZoneSpfRecord, allIndex: number): Fix[] {
  const mechanisms = spf.parsed.terms.filter(isMechanism);
  const all = mechanisms[allIndex];
  const alls = mechanisms.filter((term) => term.kind === 'all');
  const dead = mechanisms.slice(allIndex + 1);
  return [
    ...editFix({ title: `Move "${all.text}" to the end`, edit: rewriteTxt(spf.zone, spfTextWithout(spf.text, alls, [all.text])), isPreferred: true }),
    ...editFix({ title: `Remove the terms after "${all.text}" (never evaluated)`, edit: rewriteTxt(spf.zone, spfTextWithout(spf.text, dead)), safe: true }),
  ];
}
