// spf-too-long: an SPF record over 450 octets risks a DNS answer over 512 octets (RFC 7208 §3.4), which some
// receivers cannot fetch, and then they see no policy.

import { wholeSpan } from '../email/recordText';
import { spfRecordsOf } from '../email/spf/records';
import type { Rule } from './rule';

const MAX_OCTETS = 450;

export const rule: Rule = {
  meta: { id: 'spf-too-long', defaultSeverity: 'warning', summary: 'The SPF record is over 450 octets (RFC 7208 §3.4).' },
  check(context) {
    for (const spf of spfRecordsOf(context.zone)) {
      const length = spf.textLength;
      if (length <= MAX_OCTETS) continue;
      context.report({
        location: { file: spf.zone.record.file, span: wholeSpan(spf.zone.text) },
        message: `the SPF record is ${length} octets; keep it under ${MAX_OCTETS} so the DNS answer fits in 512 octets (RFC 7208 §3.4): move senders into an include`,
      });
    }
  },
};
