// Zone cuts and DNAMEs: which names of a zone are delegated away or occluded (RFC 1034 §4.2.1, RFC 6672 §2.4),
// so structure checks look only at data the zone actually serves authoritatively.

import type { ResourceRecord, Zone } from './model';
import { nameKey, parentOf } from './names';

const TYPE_NS = 2;
const TYPE_DNAME = 39;

export interface Cuts {
  /** Whether the zone holds a DNAME: without one, `dnameAbove` finds nothing. */
  readonly hasDname: boolean;
  /** The delegation point at or above `name` (not the apex), if any. */
  delegationAbove(name: string, inclusive: boolean): string | undefined;
  /** The DNAME owner strictly above `name`, if any. */
  dnameAbove(name: string): string | undefined;
}

/**
 * The cuts of a zone, found once per zone in `cutRecords`: its NS and DNAME records, which the caller finds through
 * an index of the zone's types rather than a walk over every record (records of other types are skipped).
 */
export function zoneCuts(zone: Zone, cutRecords: readonly ResourceRecord[]): Cuts {
  let cached = cache.get(zone);
  if (cached === undefined) {
    const apex = zone.origin === undefined ? undefined : nameKey(zone.origin);
    const delegations = new Set<string>();
    const dnames = new Set<string>();
    for (const record of cutRecords) {
      if (record.type === TYPE_NS) {
        const owner = nameKey(record.owner);
        if (owner !== apex) delegations.add(owner);
      } else if (record.type === TYPE_DNAME) {
        dnames.add(nameKey(record.owner));
      }
    }
    const find = (set: Set<string>, name: string, inclusive: boolean): string | undefined => {
      if (set.size === 0) return undefined;
      let current: string | undefined = inclusive ? name : parentOf(name);
      while (current !== undefined) {
        const key = nameKey(current);
        if (key === apex && set === delegations) return undefined;
        if (set.has(key)) return current;
        current = parentOf(current);
      }
      return undefined;
    };
    cached = {
      hasDname: dnames.size > 0,
      delegationAbove: (name, inclusive) => find(delegations, name, inclusive),
      dnameAbove: (name) => find(dnames, name, false),
    };
    cache.set(zone, cached);
  }
  return cached;
}

const cache = new WeakMap<Zone, Cuts>();
