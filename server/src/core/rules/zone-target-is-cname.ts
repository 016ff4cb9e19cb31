// zone-target-is-cname: MX, NS and SRV targets must be the canonical name, not an alias (RFC 2181 §10.3).

import type { ResourceRecord } from '../zone/model';
import { ownerIndex } from '../zone/model';
import { isSubdomainOf } from '../zone/names';
import { typeName } from '../zone/rrtypes';
import type { Rule } from './rule';
import { hostTargets, hostTargetSpan, recordsOfTypes } from './targets';

const TYPE_CNAME = 5;

export const rule: Rule = {
  meta: { id: 'zone-target-is-cname', defaultSeverity: 'warning', summary: 'An MX, NS or SRV target is an in-zone CNAME (RFC 2181 §10.3).' },
  check(context) {
    const { zone } = context;
    const origin = zone.origin;
    if (origin === undefined) return;
    // The first CNAME record of each alias, by owner number. Zones hold few aliases (most none), so the targets are
    // looked up in this small map, by the owner numbers the targets already carry, and not at all when it is empty.
    const index = ownerIndex(zone);
    const aliases = new Map<number, ResourceRecord>();
    for (const record of recordsOfTypes(zone, [TYPE_CNAME])) {
      const number = index.ownerNumber(record.owner);
      if (!aliases.has(number)) aliases.set(number, record);
    }
    if (aliases.size === 0) return;
    const hosts = hostTargets(zone);
    for (let i = 0; i < hosts.records.length; i++) {
      const target = hosts.targets[i];
      if (!isSubdomainOf(target, origin)) continue;
      const cname = aliases.get(hosts.targetOwners[i]);
      if (cname === undefined) continue;
      const record = hosts.records[i];
      context.report({
        location: { file: record.file, span: hostTargetSpan(hosts.data[i]) },
        message: `${typeName(record.type)} target ${target} is a CNAME; use the name it points to (RFC 2181 §10.3)`,
        related: [{ location: { file: cname.file, span: cname.typeSpan }, message: 'the CNAME record' }],
      });
    }
  },
};
