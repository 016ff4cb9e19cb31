// zone-duplicate-record: the same record written twice; servers keep one copy, so the second is noise or a typo.

import type { ResourceRecord } from '../zone/model';
import { recordsByOwner } from '../zone/model';
import { typeName } from '../zone/rrtypes';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: { id: 'zone-duplicate-record', defaultSeverity: 'warning', summary: 'The same record appears twice.' },
  check(context) {
    // Duplicates share an owner, so each owner's few records are compared among themselves: no key is built
    // for every record of a large zone.
    for (const records of recordsByOwner(context.zone).values()) {
      if (records.length < 2) continue;
      const seen: ResourceRecord[] = [];
      for (const record of records) {
        if (record.generated) continue;
        const first = seen.find((other) => other.type === record.type && sameBytes(other.wire, record.wire));
        if (first === undefined) {
          seen.push(record);
          continue;
        }
        context.report({
          location: { file: record.file, span: record.span },
          message: `duplicate ${typeName(record.type)} record at ${record.owner}: the same data is already written above`,
          related: [{ location: { file: first.file, span: first.span }, message: 'the first copy' }],
        });
      }
    }
  },
};

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
