// zone-target-no-address: an in-zone MX, NS or SRV target needs an A or AAAA record, or mail and lookups fail.
// As in BIND: a name server with no address inside its own zone, or one below a DNAME, makes the zone unusable
// (error); a glue name below a delegation, or an MX or SRV target, only draws a warning.

import { zoneCuts } from '../zone/cuts';
import type { ResourceRecord, Zone } from '../zone/model';
import { recordsAt, recordsByOwner } from '../zone/model';
import { isSubdomainOf, nameKey, parentOf } from '../zone/names';
import { typeName } from '../zone/rrtypes';
import type { Rule } from './rule';
import { forEachHostTarget, hostTargetSpan, recordsOfTypes } from './targets';

const TYPE_A = 1;
const TYPE_AAAA = 28;
const TYPE_CNAME = 5;
const TYPE_NS = 2;
const TYPE_DNAME = 39;

export const rule: Rule = {
  meta: { id: 'zone-target-no-address', defaultSeverity: 'warning', summary: 'An in-zone MX, NS or SRV target has no A or AAAA record.' },
  check(context) {
    const { zone } = context;
    const origin = zone.origin;
    if (origin === undefined) return;
    const cuts = zoneCuts(zone, recordsOfTypes(zone, [TYPE_NS, TYPE_DNAME]));
    const owners = recordsByOwner(zone);
    forEachHostTarget(zone, (record, target, data) => {
      const atTarget = owners.get(nameKey(target)) ?? [];
      // A target that owns an address record, the common case, draws a finding only from a DNAME above it: in a
      // zone without DNAMEs it needs no further look.
      if (!cuts.hasDname && answersWithAddress(atTarget)) return;
      if (!isSubdomainOf(target, origin)) return;
      // Data below a delegation or a DNAME is not served by this zone; BIND ignores it, and so do we.
      if (cuts.delegationAbove(record.owner, false) !== undefined || cuts.dnameAbove(record.owner) !== undefined) return;
      const isNameServer = record.type === TYPE_NS;
      const glue = cuts.delegationAbove(target, true) !== undefined;
      const dname = glue ? undefined : cuts.dnameAbove(target);
      if (dname !== undefined) {
        // BIND refuses a zone whose own (apex) name servers sit below a DNAME; elsewhere it only warns.
        const apexNameServer = isNameServer && isSubdomainOf(origin, record.owner);
        context.report({
          location: { file: record.file, span: hostTargetSpan(data) },
          message: `${typeName(record.type)} target ${target} is below the DNAME at ${dname}: its address records are never seen`,
          severity: apexNameServer ? 'error' : undefined,
        });
        return;
      }
      if (hasAddress(zone, target, atTarget)) return;
      context.report({
        location: { file: record.file, span: hostTargetSpan(data) },
        message: glue
          ? `${typeName(record.type)} target ${target} lies in a delegated zone and has no glue address records (A or AAAA) here`
          : `${typeName(record.type)} target ${target} has no address records (A or AAAA) in this zone${isNameServer ? ': the name server cannot be reached' : ''}`,
        severity: isNameServer && !glue ? 'error' : undefined,
      });
    });
  },
};

/**
 * True when the name (whose records are `records`), a wildcard covering it, or (for zone-target-is-cname's sake) a
 * CNAME answers it.
 */
function hasAddress(zone: Zone, name: string, records: readonly ResourceRecord[]): boolean {
  if (answersWithAddress(records)) return true;
  if (records.length > 0) return false;
  for (let parent = parentOf(name); parent !== undefined && isSubdomainOf(parent, zone.origin!); parent = parentOf(parent)) {
    // The first ancestor that exists (or has a wildcard child) is the closest encloser: only its wildcard applies.
    const wildcard = recordsAt(zone, parent === '.' ? '*.' : `*.${parent}`);
    if (wildcard.length > 0) return wildcard.some((other) => isAddressType(other.type));
    if (recordsAt(zone, parent).length > 0) return false;
  }
  return false;
}

/** Whether the records of a name hold an address record, or a CNAME (an alias target is zone-target-is-cname's). */
function answersWithAddress(records: readonly ResourceRecord[]): boolean {
  for (const record of records) if (isAddressType(record.type) || record.type === TYPE_CNAME) return true;
  return false;
}

function isAddressType(type: number): boolean {
  return type === TYPE_A || type === TYPE_AAAA;
}
