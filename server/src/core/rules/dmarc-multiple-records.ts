// dmarc-multiple-records: two DMARC records at one name; RFC 9989 §4.10 has receivers discard the set, so the
// domain has no policy at all.

import type { DmarcTxt } from '../email/dmarc';
import { dmarcIndex } from '../email/mailDomains';
import { recordLocation, shown } from '../email/txtRecords';
import { nameKey } from '../zone/names';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'dmarc-multiple-records',
    defaultSeverity: 'error',
    summary: 'More than one DMARC record at one _dmarc name: receivers then apply none of them.',
  },
  check(context) {
    const byName = new Map<string, DmarcTxt[]>();
    for (const entry of dmarcIndex(context.zone).sharingName) {
      const list = byName.get(nameKey(entry.record.owner)) ?? [];
      // Identical records are one record in DNS (an RRset holds no duplicates); zone-duplicate-record reports them.
      if (!list.some((other) => sameStrings(other, entry))) list.push(entry);
      byName.set(nameKey(entry.record.owner), list);
    }
    for (const list of byName.values()) {
      if (list.length < 2) continue;
      for (const entry of list) {
        context.report({
          location: recordLocation(entry.record),
          message: `${list.length} DMARC records at ${shown(entry.record.owner)}: receivers discard them all and the domain has no DMARC policy; keep one`,
          related: list
            .filter((other) => other !== entry)
            .map((other) => ({ location: recordLocation(other.record), message: 'another DMARC record at the same name' })),
        });
      }
    }
  },
};

function sameStrings(a: DmarcTxt, b: DmarcTxt): boolean {
  const first = a.text.strings;
  const second = b.text.strings;
  return first.length === second.length && first.every((s, i) => s.value === second[i].value);
}
