// spf-sender-id: Sender ID records (`spf2.0/...`, RFC 4406) belong to an experiment that ended (RFC 6686);
// receivers ignore them.

import { locate, senderIdRecordsOf } from '../email/spf/records';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'spf-sender-id', defaultSeverity: 'warning', summary: 'A Sender ID (spf2.0/...) record, which receivers ignore.' },
  check(context) {
    for (const txt of senderIdRecordsOf(context.zone)) {
      const text = txt.text.text;
      const space = text.indexOf(' ');
      context.report({
        location: locate(txt, { start: 0, end: space < 0 ? text.length : space }),
        message: 'Sender ID (spf2.0) records are obsolete (RFC 6686 ended the RFC 4406 experiment) and receivers ignore them; the v=spf1 record is what counts: delete this one',
      });
    }
  },
};
