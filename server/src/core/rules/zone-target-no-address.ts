// zone-target-no-address: an in-zone MX, NS or SRV target needs an A or AAAA record, or mail and lookups fail.
// As in BIND: a name server with no address inside its own zone, or one below a DNAME, makes the zone unusable
// (error); a glue name below a delegation, or an MX or SRV target, only draws a warning.

import { zoneCuts } from '../zone/cuts';
import type { OwnerIndex, Zone } from '../zone/model';
import { ownerIndex } from '../zone/model';
import { isSubdomainOf, parentOf } from '../zone/names';
import { typeName } from '../zone/rrtypes';
import type { Rule } from './rule';
import { hostTargets, hostTargetSpan, recordsOfTypes } from './targets';

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
    const index = ownerIndex(zone);
    const hosts = hostTargets(zone);
    for (let i = 0; i < hosts.records.length; i++) {
      const record = hosts.records[i];
      const target = hosts.targets[i];
      const atTarget = hosts.targetOwners[i];
      // A target that owns an address record, the common case, draws a finding only from a DNAME above it: in a
      // zone without DNAMEs it needs no further look.
      if (!cuts.hasDname && answersWithAddress(index, atTarget)) continue;
      if (!isSubdomainOf(target, origin)) continue;
      // Data below a delegation or a DNAME is not served by this zone; BIND ignores it, and so do we.
      if (cuts.delegationAbove(record.owner, false) !== undefined || cuts.dnameAbove(record.owner) !== undefined) continue;
      const isNameServer = record.type === TYPE_NS;
      const glue = cuts.delegationAbove(target, true) !== undefined;
      const dname = glue ? undefined : cuts.dnameAbove(target);
      if (dname !== undefined) {
        // BIND refuses a zone whose own (apex) name servers sit below a DNAME; elsewhere it only warns.
        const apexNameServer = isNameServer && isSubdomainOf(origin, record.owner);
        context.report({
          location: { file: record.file, span: hostTargetSpan(hosts.data[i]) },
          message: `${typeName(record.type)} target ${target} is below the DNAME at ${dname}: its address records are never seen`,
          severity: apexNameServer ? 'error' : undefined,
        });
        continue;
      }
      if (hasAddress(zone, index, target, atTarget)) continue;
      context.report({
        location: { file: record.file, span: hostTargetSpan(hosts.data[i]) },
        message: glue
          ? `${typeName(record.type)} target ${target} lies in a delegated zone and has no glue address records (A or AAAA) here`
          : `${typeName(record.type)} target ${target} has no address records (A or AAAA) in this zone${isNameServer ? ': the name server cannot be reached' : ''}`,
        severity: isNameServer && !glue ? 'error' : undefined,
      });
    }
  },
};

/**
 * True when the name (whose owner number is `number`, -1 when it owns nothing), a wildcard covering it, or (for
 * zone-target-is-cname's sake) a CNAME answers it.
 */
function hasAddress(zone: Zone, index: OwnerIndex, name: string, number: number): boolean {
  if (answersWithAddress(index, number)) return true;
  if (number >= 0) return false;
  for (let parent = parentOf(name); parent !== undefined && isSubdomainOf(parent, zone.origin!); parent = parentOf(parent)) {
    // The first ancestor that exists (or has a wildcard child) is the closest encloser: only its wildcard applies.
    const wildcard = index.ownerNumber(parent === '.' ? '*.' : `*.${parent}`);
    if (wildcard >= 0) return ownsType(index, wildcard, isAddressType);
    if (index.ownerNumber(parent) >= 0) return false;
  }
  return false;
}

/**
 * Whether an owner (-1 for none) holds an address record, or a CNAME (an alias target is zone-target-is-cname's).
 */
function answersWithAddress(index: OwnerIndex, number: number): boolean {
  return ownsType(index, number, isAddressOrAlias);
}

/** Whether an owner (-1 for none) holds a record of a type `accepts`, read from the index's types. */
function ownsType(index: OwnerIndex, number: number, accepts: (type: number) => boolean): boolean {
  if (number < 0) return false;
  for (let at = index.firstRecord[number]; at >= 0; at = index.nextRecord[at]) if (accepts(index.types[at])) return true;
  return false;
}

function isAddressType(type: number): boolean {
  return type === TYPE_A || type === TYPE_AAAA;
}

function isAddressOrAlias(type: number): boolean {
  return isAddressType(type) || type === TYPE_CNAME;
}
