// zone-soa: a zone file must hold exactly one SOA record, at the apex.

import { nameKey, relativeName } from '../zone/names';
import type { Rule } from './rule';
import { recordsOfTypes } from './targets';

const TYPE_SOA = 6;

export const rule: Rule = {
  meta: { id: 'zone-soa', defaultSeverity: 'error', summary: 'No SOA in a zone file, an SOA not at the apex, or more than one SOA.' },
  check(context) {
    const { zone } = context;
    const soas = recordsOfTypes(zone, [TYPE_SOA]);
    if (soas.length === 0) {
      // Put the finding on the first record, where the SOA belongs (or the file start in an empty zone).
      const first = zone.records.find((record) => record.file === zone.file);
      const span = first ? (first.ownerSpan ?? first.typeSpan) : { start: 0, end: 0 };
      context.report({ location: { file: zone.file, span }, message: 'the zone has no SOA record: every zone starts with one at its apex (@)' });
      return;
    }
    const origin = zone.origin;
    for (const soa of soas) {
      if (origin !== undefined && nameKey(soa.owner) !== nameKey(origin)) {
        context.report({
          location: { file: soa.file, span: soa.ownerSpan ?? soa.typeSpan },
          message: `SOA record not at top of zone: its owner is ${soa.owner}, the zone is ${origin}`,
        });
      }
    }
    for (const extra of soas.slice(1)) {
      context.report({
        location: { file: extra.file, span: extra.typeSpan },
        message: `more than one SOA record: the zone already has one at ${relativeName(soas[0].owner, origin ?? '.')}`,
        related: [{ location: { file: soas[0].file, span: soas[0].typeSpan }, message: 'the first SOA record' }],
      });
    }
  },
};
