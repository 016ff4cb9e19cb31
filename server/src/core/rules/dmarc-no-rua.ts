// dmarc-no-rua: a DMARC policy without `rua=`: receivers send no aggregate reports (RFC 9989 §4.7), so the owner
// cannot see who sends mail in the domain's name, which a safe move to p=reject depends on.

import { dmarcIndex } from '../email/mailDomains';
import { recordLocation, shown } from '../email/txtRecords';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'dmarc-no-rua', defaultSeverity: 'information', summary: 'No rua=: the owner receives no aggregate reports.' },
  check(context) {
    for (const { record, placement } of dmarcIndex(context.zone).withoutRua) {
      if (placement.kind !== 'policy') continue;
      context.report({
        location: recordLocation(record),
        message: `no rua=: receivers send no aggregate reports for ${shown(placement.domain)}, so you cannot see who sends mail in its name; add rua=mailto:<address>`,
      });
    }
  },
};
