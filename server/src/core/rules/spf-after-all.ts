// spf-after-all: mechanisms after `all` are never evaluated, because `all` always matches (RFC 7208 §5.1).

import type { AllMechanism } from '../email/spf/parse';
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
      // The parse lists the dead mechanisms: modifiers may stand anywhere (RFC 7208 §4.6.3), mechanisms after `all` not.
      const { all, afterAll } = spf.parsed;
      if (all === undefined || afterAll.length === 0) continue;
      const fixes = afterAllFixes(spf, all);
      const txt = spf.zone;
      for (const term of afterAll) {
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

/**
 * Moving `all` to the end makes the terms after it count, as their author meant (the preferred fix, and every
 * `all` but the first goes); removing them instead keeps what receivers do today, so it is safe for fix-all.
 */
function afterAllFixes(spf: ZoneSpfRecord, all: AllMechanism): Fix[] {
  const dead = spf.parsed.afterAll;
  const alls = [all, ...dead.filter((term) => term.kind === 'all')];
  return [
    ...editFix({ title: `Move "${all.text}" to the end`, edit: rewriteTxt(spf.zone, spfTextWithout(spf.text, alls, [all.text])), isPreferred: true }),
    ...editFix({ title: `Remove the terms after "${all.text}" (never evaluated)`, edit: rewriteTxt(spf.zone, spfTextWithout(spf.text, dead)), safe: true }),
  ];
}
