// zone-cname-and-other-data: a CNAME owner may hold nothing else (RFC 1034 §3.6.2, RFC 2181 §10.1).

import { recordsByOwner } from '../zone/model';
import { typeName } from '../zone/rrtypes';
import type { Rule } from './rule';

const TYPE_CNAME = 5;
/** DNSSEC types that BIND allows beside a CNAME (RFC 4035 §2.5, RFC 2535 for KEY). */
const ALLOWED_BESIDE_CNAME = new Set([24 /* SIG */, 25 /* KEY */, 30 /* NXT */, 46 /* RRSIG */, 47 /* NSEC */]);

export const rule: Rule = {
  meta: { id: 'zone-cname-and-other-data', defaultSeverity: 'error', summary: 'A CNAME owner that also has other data (RFC 1034 §3.6.2, RFC 2181 §10.1).' },
  check(context) {
    for (const records of recordsByOwner(context.zone).values()) {
      const cnames = records.filter((record) => record.type === TYPE_CNAME);
      if (cnames.length === 0) continue;
      const first = cnames[0];
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
