// mail-spf-missing: a domain that handles mail (MX, DMARC or DKIM records) without an SPF record; receivers then
// get SPF "none" for it (RFC 7208 §4.5), and DMARC can pass only through DKIM.

import { nullMx, realMx, zoneMail } from '../email/mailDomains';
import { recordLocation, shown } from '../email/txtRecords';
import { addSpfRecord } from '../generators/spf';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'mail-spf-missing',
    defaultSeverity: 'warning',
    summary: 'A domain that has MX, DMARC or DKIM records has no SPF record.',
  },
  check(context) {
    for (const domain of zoneMail(context.zone).withoutSpf) {
      // A null MX declares that the domain handles no mail: mail-no-mail-incomplete asks for its `-all`.
      if (nullMx(domain) !== undefined) continue;
      const mx = realMx(domain);
      const evidence = mx[0] ?? domain.dmarc[0] ?? domain.dkim[0];
      if (evidence === undefined) continue;
      const what = mx.length > 0 ? 'receives mail (MX)' : domain.dmarc.length > 0 ? 'publishes DMARC' : 'publishes DKIM keys';
      const added = addSpfRecord({ zone: context.zone, domain: domain.name });
      context.report({
        location: recordLocation(evidence),
        message: `${shown(domain.name)} ${what} but has no SPF record: receivers get SPF "none" for it; publish one that lists its senders (v=spf1 ... -all), or v=spf1 -all if it sends no mail`,
        fixes: added.kind === 'fix' ? [{ ...added.fix, isPreferred: true }] : [],
      });
    }
  },
};
