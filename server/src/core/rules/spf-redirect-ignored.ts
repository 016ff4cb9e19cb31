// spf-redirect-ignored: `redirect=` takes effect only when no mechanism matched, and `all` always matches, so a
// redirect next to an `all` is never used (RFC 7208 §6.1).

import { locate, spfRecordsOf } from '../email/spf/records';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'spf-redirect-ignored', defaultSeverity: 'warning', summary: 'redirect= together with all: the redirect is never used.' },
  check(context) {
    for (const spf of spfRecordsOf(context.zone)) {
      const all = spf.parsed.terms.find((term) => term.kind === 'all');
      const redirect = spf.parsed.terms.find((term) => term.kind === 'redirect');
      if (all === undefined || redirect === undefined) continue;
      context.report({
        location: locate(spf.zone, redirect),
        message: `"${redirect.text}" is never used: "${all.text}" always matches first (RFC 7208 §6.1); remove one of them`,
        related: [{ location: locate(spf.zone, all), message: 'this all ends the evaluation' }],
      });
    }
  },
};
