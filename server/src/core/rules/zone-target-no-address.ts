// zone-target-no-address: an in-zone MX, NS or SRV target needs an A or AAAA record, or mail and lookups fail.

import { recordsAt } from '../zone/model';
import { isSubdomainOf } from '../zone/names';
import { typeName } from '../zone/rrtypes';
import type { Rule } from './rule';
import { hostTargets } from './targets';

const ADDRESS_TYPES = new Set([1, 28]);
const TYPE_CNAME = 5;
const TYPE_NS = 2;

export const rule: Rule = {
  meta: { id: 'zone-target-no-address', defaultSeverity: 'warning', summary: 'An in-zone MX, NS or SRV target has no A or AAAA record.' },
  check(context) {
    const { zone } = context;
    if (zone.origin === undefined) return;
    for (const { record, target, targetSpan } of hostTargets(zone)) {
      if (!isSubdomainOf(target, zone.origin)) continue;
      const records = recordsAt(zone, target);
      // A CNAME target is zone-target-is-cname's finding; its address lives at the alias target.
      if (records.some((other) => ADDRESS_TYPES.has(other.type) || other.type === TYPE_CNAME)) continue;
      // A name server without an address in its own zone cannot be reached at all: BIND refuses such a zone.
      const isNameServer = record.type === TYPE_NS;
      context.report({
        location: { file: record.file, span: targetSpan },
        message: `${typeName(record.type)} target ${target} has no address records (A or AAAA) in this zone${isNameServer ? ': the name server cannot be reached' : ''}`,
        severity: isNameServer ? 'error' : undefined,
      });
    }
  },
};
