// spf-multiple-records: a name with more than one SPF record makes every receiver return permerror
// (RFC 7208 §4.5), so none of them is used.

import { nameKey } from '../zone/names';
import type { ZoneSpfRecord } from '../email/spf/records';
import { spfRecordsOf } from '../email/spf/records';
import { wholeSpan } from '../email/recordText';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'spf-multiple-records', defaultSeverity: 'error', summary: 'More than one v=spf1 TXT record at one name (RFC 7208 §4.5: permerror).' },
  check(context) {
    const byOwner = new Map<string, ZoneSpfRecord[]>();
    for (const spf of spfRecordsOf(context.zone)) {
      const key = nameKey(spf.zone.record.owner);
      // Identical rdata is one record in DNS (zone-duplicate-record reports the repeat), so count distinct rdata.
      const list = byOwner.get(key) ?? [];
      if (!list.some((other) => sameRdata(other, spf))) list.push(spf);
      byOwner.set(key, list);
    }
    for (const records of byOwner.values()) {
      if (records.length < 2) continue;
      for (const spf of records) {
        context.report({
          location: { file: spf.zone.record.file, span: wholeSpan(spf.zone.text) },
          message: `${spf.zone.record.owner} has ${records.length} SPF records: receivers return permerror and use none of them (RFC 7208 §4.5); merge them into one`,
          related: records
            .filter((other) => other !== spf)
            .map((other) => ({ location: { file: other.zone.record.file, span: wholeSpan(other.zone.text) }, message: 'another SPF record at this name' })),
        });
      }
    }
  },
};

function sameRdata(a: ZoneSpfRecord, b: ZoneSpfRecord): boolean {
  const left = a.zone.text.strings;
  const right = b.zone.text.strings;
  return left.length === right.length && left.every((s, i) => s.value === right[i].value);
}
