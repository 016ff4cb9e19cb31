// dkim-misplaced: a v=DKIM1 record at a name verifiers never query; RFC 6376 §3.6.2.1 has them look up
// `<selector>._domainkey.<domain>` only.

import { MailAliasIndex } from '../email/aliases';
import { strayKeyRecords } from '../email/mailDomains';
import { recordLocation, shown } from '../email/txtRecords';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'dkim-misplaced', defaultSeverity: 'warning', summary: 'A v=DKIM1 record that is not under a _domainkey name.' },
  check(context) {
    const records = strayKeyRecords(context.zone);
    if (records.length === 0) return;
    const aliases = new MailAliasIndex(context.workspace);
    for (const record of records) {
      // A provider's zone keeps keys at its own names, which its customers' selector CNAMEs point at.
      if (aliases.has(record.owner, 'dkim')) continue;
      context.report({
        location: recordLocation(record),
        message: `a DKIM key at ${shown(record.owner)} is never looked up: verifiers query <selector>._domainkey.<domain>, the selector being the s= of the signature; move it to such a name`,
      });
    }
  },
};
