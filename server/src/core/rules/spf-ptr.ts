// spf-ptr: the `ptr` mechanism is slow, unreliable and puts load on the sender's reverse DNS; RFC 7208 §5.5 says
// it SHOULD NOT be used, and some receivers skip it.

import type { PtrMechanism } from '../email/spf/parse';
import { locate, spfRecordsOf } from '../email/spf/records';
import { withQualifier } from '../edit/spf';
import { editFix } from '../edit/textEdit';
import { replaceInTxt } from '../edit/txt';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'spf-ptr', defaultSeverity: 'warning', summary: 'The ptr mechanism (RFC 7208 §5.5: SHOULD NOT be used).' },
  check(context) {
    for (const spf of spfRecordsOf(context.zone)) {
      if (spf.parsed.counts.ptr === 0) continue;
      for (const term of spf.parsed.terms) {
        if (term.kind !== 'ptr') continue;
        context.report({
          location: locate(spf.zone, term),
          message: `"${term.text}": the ptr mechanism SHOULD NOT be used (RFC 7208 §5.5): it is slow and unreliable, and some receivers ignore it; list the senders with ip4:/ip6: or a instead`,
          fixes: [
            ...editFix({
              title: `Replace "${term.text}" by "${replacement(term, 'a')}" (covers the domain's own addresses only: list other senders with ip4:/ip6:)`,
              edit: replaceInTxt(spf.zone, term, replacement(term, 'a')),
              isPreferred: true,
            }),
            ...editFix({
              title: `Replace "${term.text}" by "${replacement(term, 'mx')}" (covers the domain's mail hosts only: list other senders with ip4:/ip6:)`,
              edit: replaceInTxt(spf.zone, term, replacement(term, 'mx')),
            }),
          ],
        });
      }
    }
  },
};

/** The `a` or `mx` term of the same domain and qualifier as a `ptr` term. */
function replacement(term: PtrMechanism, mechanism: 'a' | 'mx'): string {
  return withQualifier(term.qualifier, term.domain === undefined ? mechanism : `${mechanism}:${term.domain.text}`);
}
