// spf-redirect-ignored: `redirect=` takes effect only when no mechanism matched, and `all` always matches, so a
// redirect next to an `all` is never used (RFC 7208 §6.1).

import { locate, spfRecordsOf } from '../email/spf/records';
import { removeTerm } from '../edit/spf';
import { editFix } from '../edit/textEdit';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'spf-redirect-ignored', defaultSeverity: 'warning', summary: 'redirect= together with all: the redirect is never used.' },
  check(context) {
    for (const spf of spfRecordsOf(context.zone)) {
      const { all, redirect } = spf.parsed;
      if (all === undefined || redirect === undefined) continue;
      const txt = spf.zone;
      context.report({
        location: locate(txt, redirect),
        message: `"${redirect.text}" is never used: "${all.text}" always matches first (RFC 7208 §6.1); remove one of them`,
        related: [{ location: locate(txt, all), message: 'this all ends the evaluation' }],
        fixes: [
          // Removing the redirect changes nothing receivers do; removing `all` hands unmatched mail to the redirect.
          ...editFix({ title: `Remove "${redirect.text}" (never used)`, edit: removeTerm(txt, redirect), isPreferred: true, safe: true }),
          ...editFix({ title: `Remove "${all.text}" so that "${redirect.text}" applies`, edit: removeTerm(txt, all) }),
        ],
      });
    }
  },
};
