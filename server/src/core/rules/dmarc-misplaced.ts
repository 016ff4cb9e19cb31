// dmarc-misplaced: a v=DMARC1 record at a name receivers never query (the apex, say); RFC 9989 §4.5 has them
// look only at `_dmarc.<domain>`.

import { MailAliasIndex } from '../email/aliases';
import { dmarcIndex } from '../email/mailDomains';
import { recordLocation, shown } from '../email/txtRecords';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'dmarc-misplaced',
    defaultSeverity: 'warning',
    summary: 'A v=DMARC1 record outside a _dmarc name has no effect there.',
  },
  check(context) {
    const misplaced = dmarcIndex(context.zone).misplaced;
    // The workspace's alias index is built only for a zone that has a record to ask it about.
    if (misplaced.length === 0) return;
    const aliases = new MailAliasIndex(context.workspace);
    for (const { record } of misplaced) {
      // A reporting service's zone holds DMARC records that `_dmarc` CNAMEs of its customers point at.
      if (aliases.has(record.owner, 'dmarc')) continue;
      context.report({
        location: recordLocation(record),
        message: `a DMARC record at ${shown(record.owner)} has no effect: receivers only look at _dmarc.<domain>; move it to _dmarc.${shown(record.owner)}`,
      });
    }
  },
};
