// zone-target-no-address: an in-zone MX, NS or SRV target needs an A or AAAA record, or mail and lookups fail.
// As in BIND: a name server with no address inside its own zone, or one below a DNAME, makes the zone unusable
// (error); a glue name below a delegation, or an MX or SRV target, only draws a warning.

import { zoneCuts } from '../zone/cuts';
import type { Zone } from '../zone/model';
import { recordsAt } from '../zone/model';
import { isSubdomainOf, parentOf } from '../zone/names';
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
    const cuts = zoneCuts(zone);
    for (const { record, target, targetSpan } of hostTargets(zone)) {
      if (!isSubdomainOf(target, zone.origin)) continue;
      // Data below a delegation or a DNAME is not served by this zone; BIND ignores it, and so do we.
      if (cuts.delegationAbove(record.owner, false) !== undefined || cuts.dnameAbove(record.owner) !== undefined) continue;
      const isNameServer = record.type === TYPE_NS;
      const glue = cuts.delegationAbove(target, true) !== undefined;
      const dname = glue ? undefined : cuts.dnameAbove(target);
      if (dname !== undefined) {
        // BIND refuses a zone whose own (apex) name servers sit below a DNAME; elsewhere it only warns.
        const apexNameServer = isNameServer && isSubdomainOf(zone.origin, record.owner);
        context.report({
          location: { file: record.file, span: targetSpan },
          message: `${typeName(record.type)} target ${target} is below the DNAME at ${dname}: its address records are never seen`,
          severity: apexNameServer ? 'error' : undefined,
        });
        continue;
      }
      if (hasAddress(zone, target)) continue;
      context.report({
        location: { file: record.file, span: targetSpan },
        message: glue
          ? `${typeName(record.type)} target ${target} lies in a delegated zone and has no glue address records (A or AAAA) here`
          : `${typeName(record.type)} target ${target} has no address records (A or AAAA) in this zone${isNameServer ? ': the name server cannot be reached' : ''}`,
        severity: isNameServer && !glue ? 'error' : undefined,
      });
    }
  },
};

/** True when the name, a wildcard covering it, or (for zone-target-is-cname's sake) a CNAME answers it. */
function hasAddress(zone: Zone, name: string): boolean {
  const records = recordsAt(zone, name);
  if (records.some((other) => ADDRESS_TYPES.has(other.type) || other.type === TYPE_CNAME)) return true;
  if (records.length > 0) return false;
  for (let parent = parentOf(name); parent !== undefined && isSubdomainOf(parent, zone.origin!); parent = parentOf(parent)) {
    // The first ancestor that exists (or has a wildcard child) is the closest encloser: only its wildcard applies.
    const wildcard = recordsAt(zone, parent === '.' ? '*.' : `*.${parent}`);
    if (wildcard.length > 0) return wildcard.some((other) => ADDRESS_TYPES.has(other.type));
    if (recordsAt(zone, parent).length > 0) return false;
  }
  return false;
}
