// spf-permissive-all: `+all` (or a bare `all`) lets every host on the internet pass as the domain; `?all` gives
// no protection either (RFC 7208 §8.2: neutral is treated like none).

import type { AllMechanism } from '../email/spf/parse';
import { locate, spfRecordsOf } from '../email/spf/records';
import type { ZoneSpfRecord } from '../email/spf/records';
import type { Fix } from '../edit/textEdit';
import { editFix } from '../edit/textEdit';
import { replaceInTxt } from '../edit/txt';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'spf-permissive-all', defaultSeverity: 'error', summary: '+all lets anyone send as the domain; ?all (a warning) protects nothing.' },
  check(context) {
    for (const spf of spfRecordsOf(context.zone)) {
      // Only the first `all` is ever evaluated; spf-after-all reports the others.
      const all = spf.parsed.all;
      if (all === undefined) continue;
      if (all.qualifier === '+') {
        context.report({
          location: locate(spf.zone, all),
          message: `"${all.text}" passes every host on the internet: anyone may send mail as ${spf.domain}; end with -all (or ~all) instead`,
          fixes: stricterAll(spf, all),
        });
      } else if (all.qualifier === '?') {
        context.report({
          location: locate(spf.zone, all),
          severity: 'warning',
          message: '"?all" gives neutral for every unlisted host, which receivers treat like no SPF at all (RFC 7208 §8.2); end with -all (or ~all)',
          fixes: stricterAll(spf, all),
        });
      }
    }
  },
};

/** `~all` first (unlisted senders are marked, not refused, while the list is checked), then `-all`. */
function stricterAll(spf: ZoneSpfRecord, all: AllMechanism): Fix[] {
  return [
    ...editFix({ title: `Change "${all.text}" to "~all" (mark mail from unlisted hosts)`, edit: replaceInTxt(spf.zone, all, '~all'), isPreferred: true }),
    ...editFix({ title: `Change "${all.text}" to "-all" (refuse mail from unlisted hosts)`, edit: replaceInTxt(spf.zone, all, '-all') }),
  ];
}
