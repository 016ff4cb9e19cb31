// zone-ttl-mismatch: all records of one RRset must share a TTL (RFC 2181 §5.2); servers use the lowest.

import type { ResourceRecord } from '../zone/model';
import { typeName } from '../zone/rrtypes';
import type { Rule, RuleReport } from './rule';
import { ownersWithRepeatedType, reportInZoneOrder } from './targets';

const TYPE_RRSIG = 46;

export const rule: Rule = {
  meta: { id: 'zone-ttl-mismatch', defaultSeverity: 'warning', summary: 'Records of one RRset carry different TTLs (RFC 2181 §5.2).' },
  check(context) {
    const findings = new Map<ResourceRecord, readonly RuleReport[]>();
    // The first record of each RRset met so far at one owner: an owner holds few distinct types.
    const firsts: ResourceRecord[] = [];
    for (const records of ownersWithRepeatedType(context.zone)) {
      firsts.length = 0;
      for (const record of records) {
        // RRSIGs covering different types form different sets; their TTLs follow the covered set.
        if (record.type === TYPE_RRSIG) continue;
        const first = firsts.find((candidate) => candidate.type === record.type);
        if (first === undefined) firsts.push(record);
        else if (first.ttl !== record.ttl) findings.set(record, [mismatch(record, first)]);
      }
    }
    reportInZoneOrder(context, findings);
  },
};

function mismatch(record: ResourceRecord, first: ResourceRecord): RuleReport {
  return {
    location: { file: record.file, span: record.ttlSpan ?? record.typeSpan },
    message: `TTL ${record.ttl} differs from the TTL ${first.ttl} of the other ${typeName(record.type)} records at ${record.owner} (RFC 2181 §5.2: one RRset, one TTL)`,
    related: [{ location: { file: first.file, span: first.ttlSpan ?? first.typeSpan }, message: `TTL ${first.ttl}` }],
  };
}
