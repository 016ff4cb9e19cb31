// zone-ttl-mismatch: all records of one RRset must share a TTL (RFC 2181 §5.2); servers use the lowest.

import type { ResourceRecord } from '../zone/model';
import { nameKey } from '../zone/names';
import { typeName } from '../zone/rrtypes';
import type { Rule } from './rule';

const TYPE_RRSIG = 46;

export const rule: Rule = {
  meta: { id: 'zone-ttl-mismatch', defaultSeverity: 'warning', summary: 'Records of one RRset carry different TTLs (RFC 2181 §5.2).' },
  check(context) {
    const firstOfSet = new Map<string, ResourceRecord>();
    for (const record of context.zone.records) {
      // RRSIGs covering different types form different sets; their TTLs follow the covered set.
      if (record.type === TYPE_RRSIG) continue;
      const key = `${nameKey(record.owner)}/${record.type}`;
      const first = firstOfSet.get(key);
      if (first === undefined) {
        firstOfSet.set(key, record);
        continue;
      }
      if (first.ttl === record.ttl) continue;
      context.report({
        location: { file: record.file, span: record.ttlSpan ?? record.typeSpan },
        message: `TTL ${record.ttl} differs from the TTL ${first.ttl} of the other ${typeName(record.type)} records at ${record.owner} (RFC 2181 §5.2: one RRset, one TTL)`,
        related: [{ location: { file: first.file, span: first.ttlSpan ?? first.typeSpan }, message: `TTL ${first.ttl}` }],
      });
    }
  },
};
