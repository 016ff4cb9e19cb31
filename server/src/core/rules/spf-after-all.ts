// spf-after-all: mechanisms after `all` are never evaluated, because `all` always matches (RFC 7208 §5.1).

import { isMechanism } from '../email/spf/parse';
import { locate, spfRecordsOf } from '../email/spf/records';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'spf-after-all', defaultSeverity: 'warning', summary: 'Terms after all are never evaluated.' },
  check(context) {
    for (const spf of spfRecordsOf(context.zone)) {
      const mechanisms = spf.parsed.terms.filter(isMechanism);
      const allIndex = mechanisms.findIndex((term) => term.kind === 'all');
      if (allIndex < 0) continue;
      const all = mechanisms[allIndex];
      // Modifiers may stand anywhere (RFC 7208 §4.6.3); only mechanisms after `all` are dead.
      for (const term of mechanisms.slice(allIndex + 1)) {
        context.report({
          location: locate(spf.zone, term),
          message: `"${term.text}" comes after "${all.text}", which always matches, so it is never evaluated (RFC 7208 §5.1): move it before ${all.text}`,
          related: [{ location: locate(spf.zone, all), message: 'evaluation stops here' }],
        });
      }
    }
  },
};
