// zone-apex-ns-missing: a zone needs NS records at its apex, or it cannot be delegated to or served.

import { recordsAt } from '../zone/model';
import type { Rule } from './rule';

const TYPE_NS = 2;
const TYPE_SOA = 6;

export const rule: Rule = {
  meta: { id: 'zone-apex-ns-missing', defaultSeverity: 'error', summary: 'No NS record at the apex.' },
  check(context) {
    const { zone } = context;
    if (zone.origin === undefined) return;
    const apex = recordsAt(zone, zone.origin);
    if (apex.some((record) => record.type === TYPE_NS)) return;
    const soa = apex.find((record) => record.type === TYPE_SOA);
    // Without an SOA at the apex, zone-soa already explains what is wrong; one finding is enough.
    if (soa === undefined) return;
    context.report({ location: { file: soa.file, span: soa.ownerSpan ?? soa.typeSpan }, message: `no NS records at the zone apex ${zone.origin}: add the zone's name servers (@ NS ns1...)` });
  },
};
