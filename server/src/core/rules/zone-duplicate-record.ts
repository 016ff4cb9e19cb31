// zone-duplicate-record: the same record written twice; servers keep one copy, so the second is noise or a typo.

import type { RData } from '../zone/rdata/types';
import { typeName } from '../zone/rrtypes';
import type { Rule } from './rule';
import { ownersWithRepeatedType } from './targets';

export const rule: Rule = {
  meta: { id: 'zone-duplicate-record', defaultSeverity: 'warning', summary: 'The same record appears twice.' },
  check(context) {
    // Duplicates share an owner and a type, so only the owners holding two records of a type are looked at, and
    // their few records compared among themselves: no key is built for every record of a large zone. The wire
    // form is rebuilt from the text on each read, so it is read only for records that share their type, class and
    // what their structured data shows with another record of their owner, and at most once per record.
    for (const records of ownersWithRepeatedType(context.zone)) {
      let wires: (Uint8Array | undefined)[] | undefined;
      for (let i = 1; i < records.length; i++) {
        const record = records[i];
        if (record.generated) continue;
        for (let j = 0; j < i; j++) {
          // The earliest equal record is the first copy: any later equal one is itself a duplicate of it.
          const first = records[j];
          if (first.generated || first.type !== record.type || first.rrclass !== record.rrclass || !mayHaveSameWire(first.data, record.data)) continue;
          wires ??= new Array<Uint8Array | undefined>(records.length);
          if (!sameBytes((wires[j] ??= first.wire), (wires[i] ??= record.wire))) continue;
          context.report({
            location: { file: record.file, span: record.span },
            message: `duplicate ${typeName(record.type)} record at ${record.owner}: the same data is already written above`,
            related: [{ location: { file: first.file, span: first.span }, message: 'the first copy' }],
          });
          break;
        }
      }
    }
  },
};

/**
 * False when the structured data of two records of one type shows that their wire forms differ. Addresses, names
 * and numbers each stand for their octets one to one: an address as the parser accepts it has one spelling, and a
 * name is canonical with its case kept, as in the wire form. The other kinds cannot tell, so the wire decides.
 */
function mayHaveSameWire(a: RData, b: RData): boolean {
  switch (a.kind) {
    case 'a':
    case 'aaaa':
      return b.kind !== a.kind || b.address === a.address;
    case 'target':
      return b.kind !== 'target' || b.target === a.target;
    case 'mx':
      return b.kind !== 'mx' || (b.preference === a.preference && b.exchange === a.exchange);
    case 'srv':
      return b.kind !== 'srv' || (b.priority === a.priority && b.weight === a.weight && b.port === a.port && b.target === a.target);
    case 'soa':
    case 'txt':
    case 'other':
      return true;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
