// dmarc-not-dmarc: a TXT record at a `_dmarc` name that is no DMARC record (an SPF record pasted there, say);
// receivers discard it (RFC 9989 §4.10), so it is dead weight or a record meant for another name.

import { dmarcIndex } from '../email/mailDomains';
import { isSpfText, recordLocation, shown } from '../email/txtRecords';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'dmarc-not-dmarc',
    defaultSeverity: 'warning',
    summary: 'A TXT record at a _dmarc name is not a DMARC record.',
  },
  check(context) {
    for (const { record, value, placement } of dmarcIndex(context.zone).notDmarc) {
      const message =
        isSpfText(value) && placement.kind === 'policy'
          ? `an SPF record at ${shown(record.owner)} has no effect: SPF is read at the domain itself (${shown(placement.domain)}), so move it there`
          : `this TXT record at ${shown(record.owner)} is not a DMARC record (those start with v=DMARC1): receivers skip it; move or delete it`;
      context.report({ location: recordLocation(record), message });
    }
  },
};
