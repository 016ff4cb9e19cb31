// dmarc-missing-policy: a DMARC policy record without `p=`. RFC 9989 §4.7 has receivers act as p=none when the
// record has a usable rua, and apply no DMARC at all otherwise.

import { hasUsableRua } from '../email/dmarc';
import { dmarcIndex } from '../email/mailDomains';
import { recordLocation } from '../email/txtRecords';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'dmarc-missing-policy', defaultSeverity: 'warning', summary: 'A DMARC record has no p= tag.' },
  check(context) {
    for (const { record, parsed } of dmarcIndex(context.zone).withoutPolicy) {
      if (hasUsableRua(parsed)) {
        context.report({
          location: recordLocation(record),
          message: 'no p= tag: receivers treat the record as p=none (reports only); write p=none, p=quarantine or p=reject',
        });
      } else {
        context.report({
          location: recordLocation(record),
          message: 'no p= tag and no usable rua=: receivers apply no DMARC at all for this domain; write p=none, p=quarantine or p=reject',
          severity: 'error',
        });
      }
    }
  },
};
