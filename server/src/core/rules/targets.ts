// The host names that MX, NS and SRV records point at, shared by the zone-target-* and zone-check-names rules.

import type { Span } from '../types';
import type { ResourceRecord, Zone } from '../zone/model';
import { ROOT } from '../zone/names';

export interface HostTarget {
  readonly record: ResourceRecord;
  readonly target: string;
  readonly targetSpan: Span;
}

/** Every MX, NS and SRV target of a zone, except the root (null MX `0 .`, SRV `.` meaning "no service"). */
export function hostTargets(zone: Zone): HostTarget[] {
  const targets: HostTarget[] = [];
  for (const record of zone.records) {
    const data = record.data;
    if (data.kind === 'mx') targets.push({ record, target: data.exchange, targetSpan: data.exchangeSpan });
    else if (data.kind === 'srv') targets.push({ record, target: data.target, targetSpan: data.targetSpan });
    else if (data.kind === 'target' && record.type === 2) targets.push({ record, target: data.target, targetSpan: data.targetSpan });
  }
  return targets.filter((entry) => entry.target !== ROOT);
}
