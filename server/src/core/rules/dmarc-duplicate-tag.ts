// dmarc-duplicate-tag: one tag given twice in a DMARC record, which the tag-list grammar does not allow
// (RFC 6376 §3.2, used by RFC 9989 §4.7); receivers differ in which value they take, or reject the record.

import type { DmarcTag } from '../email/dmarc';
import { dmarcIndex } from '../email/mailDomains';
import { textLocation } from '../email/txtRecords';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'dmarc-duplicate-tag', defaultSeverity: 'error', summary: 'A DMARC record gives one tag twice.' },
  check(context) {
    for (const entry of dmarcIndex(context.zone).repeatingTag) {
      const { record, text, parsed } = entry;
      const seen = new Map<string, DmarcTag>();
      for (const tag of parsed.tags) {
        const first = seen.get(tag.key);
        if (first === undefined) {
          seen.set(tag.key, tag);
          continue;
        }
        context.report({
          location: textLocation(record, text, tag.range),
          message: `\`${tag.key}=\` is given twice: receivers may take either value or reject the record; keep one`,
          related: [{ location: textLocation(record, text, first.range), message: `the first ${tag.key}=` }],
        });
      }
    }
  },
};
