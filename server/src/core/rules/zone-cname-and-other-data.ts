// zone-cname-and-other-data: a CNAME owner may hold nothing else (RFC 1034 §3.6.2, RFC 2181 §10.1).

import type { ResourceRecord } from '../zone/model';
import { ownerIndex } from '../zone/model';
import { typeName } from '../zone/rrtypes';
import type { Rule } from './rule';
import { recordsOfTypes } from './targets';

const TYPE_CNAME = 5;
/** DNSSEC types that BIND allows beside a CNAME (RFC 4035 §2.5, RFC 2535 for KEY). */
const ALLOWED_BESIDE_CNAME = new Set([24 /* SIG */, 25 /* KEY */, 30 /* NXT */, 46 /* RRSIG */, 47 /* NSEC */]);

export const rule: Rule = {
  meta: { id: 'zone-cname-and-other-data', defaultSeverity: 'error', summary: 'A CNAME owner that also has other data (RFC 1034 §3.6.2, RFC 2181 §10.1).' },
  check(context) {
    const { zone } = context;
    const cnames = recordsOfTypes(zone, [TYPE_CNAME]);
    // A zone without any CNAME, the common case, needs no look at its owners.
    if (cnames.length === 0) return;
    const index = ownerIndex(zone);
    // The owners that hold a CNAME, taken in the order the owners first appear in the zone.
    const numbers = [...new Set(cnames.map((cname) => index.ownerNumber(cname.owner)))].sort((a, b) => a - b);
    for (const number of numbers) {
      const records = index.recordsOf(number, zone.records);
      // A CNAME alone at its name is fine.
      if (records.length < 2) continue;
      const first = firstCname(records);
      if (first === undefined) continue;
      const related = [{ location: { file: first.file, span: first.typeSpan }, message: 'the CNAME record' }];
      for (const other of records) {
        if (other === first || ALLOWED_BESIDE_CNAME.has(other.type)) continue;
        const message =
          other.type === TYPE_CNAME
            ? `${other.owner} has more than one CNAME record; a name can alias only one target`
            : `CNAME and other data: ${other.owner} has a CNAME, so its ${typeName(other.type)} record is never seen (RFC 1034 §3.6.2)`;
        context.report({ location: { file: other.file, span: other.typeSpan }, message, related });
      }
    }
  },
};

function firstCname(records: readonly ResourceRecord[]): ResourceRecord | undefined {
  for (const record of records) if (record.type === TYPE_CNAME) return record;
  return undefined;
}
