// dmarc-report-uri: a `rua`/`ruf` entry that is not a usable `mailto:` URI (RFC 9989 §4.7, RFC 9990), so no
// report reaches it; the RFC 7489 `!size` suffix, which RFC 9989 removed, is a warning.

import { parseReportUris } from '../email/dmarc';
import { dmarcIndex } from '../email/mailDomains';
import { textLocation } from '../email/txtRecords';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'dmarc-report-uri',
    defaultSeverity: 'error',
    summary: 'An invalid rua/ruf URI (not mailto:, bad address), or the obsolete !size suffix.',
  },
  check(context) {
    // Records whose report URIs are all plain mailto: addresses have nothing to report and are not read again.
    for (const { record, text, parsed } of dmarcIndex(context.zone).withUnusualReportUri) {
      for (const tag of parsed.tags) {
        if (tag.key !== 'rua' && tag.key !== 'ruf') continue;
        for (const uri of parseReportUris(tag)) {
          if (uri.problem === undefined) continue;
          context.report({ location: textLocation(record, text, uri.range), message: uri.problem.message, severity: uri.problem.severity });
        }
      }
    }
  },
};
