// zone-target-is-cname: MX, NS and SRV targets must be the canonical name, not an alias (RFC 2181 §10.3).

import type { ResourceRecord } from '../zone/model';
import { isSubdomainOf, nameKey } from '../zone/names';
import { typeName } from '../zone/rrtypes';
import type { Rule } from './rule';
import { forEachHostTarget, hostTargetSpan, recordsOfTypes } from './targets';

const TYPE_CNAME = 5;

export const rule: Rule = {
  meta: { id: 'zone-target-is-cname', defaultSeverity: 'warning', summary: 'An MX, NS or SRV target is an in-zone CNAME (RFC 2181 §10.3).' },
  check(context) {
    const { zone } = context;
    const origin = zone.origin;
    if (origin === undefined) return;
    // The first CNAME record of each alias name. Zones hold few aliases (most none), so the targets are looked up
    // in this small map rather than in the index of every owner, and not at all when it is empty.
    const aliases = new Map<string, ResourceRecord>();
    for (const record of recordsOfTypes(zone, [TYPE_CNAME])) {
      const key = nameKey(record.owner);
      if (!aliases.has(key)) aliases.set(key, record);
    }
    if (aliases.size === 0) return;
    forEachHostTarget(zone, (record, target, data) => {
      if (!isSubdomainOf(target, origin)) return;
      const cname = aliases.get(nameKey(target));
      if (cname === undefined) return;
      context.report({
        location: { file: record.file, span: hostTargetSpan(data) },
        message: `${typeName(record.type)} target ${target} is a CNAME; use the name it points to (RFC 2181 §10.3)`,
        related: [{ location: { file: cname.file, span: cname.typeSpan }, message: 'the CNAME record' }],
      });
    });
  },
};
