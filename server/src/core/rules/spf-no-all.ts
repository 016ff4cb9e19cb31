// spf-no-all: a record with neither `all` nor `redirect=` ends in the default result, neutral (RFC 7208 §4.7),
// which protects nothing.

import { locate, spfRecordsOf } from '../email/spf/records';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'spf-no-all', defaultSeverity: 'warning', summary: 'Neither all nor redirect: the default result is neutral.' },
  check(context) {
    for (const spf of spfRecordsOf(context.zone)) {
      // A record with a syntax error may have lost its `all` to the error; spf-syntax reports that one.
      if (spf.parsed.errors.length > 0) continue;
      if (spf.parsed.all !== undefined || spf.parsed.redirect !== undefined) continue;
      context.report({
        location: locate(spf.zone, spf.parsed.version),
        message: 'the record has neither "all" nor "redirect=", so unlisted hosts get neutral (RFC 7208 §4.7), like no SPF at all: end it with -all (or ~all)',
      });
    }
  },
};
