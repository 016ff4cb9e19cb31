// What the editor's status bar shows for a zone file: the zone's origin, how it was found, its record count, and the
// worst-case DNS lookups of the SPF record at its apex (RFC 7208 §4.6.4), from the SPF lookup analysis.

import { MAX_DNS_TERMS } from '../email/spf/evaluate';
import { analyzedSpfRecords } from '../email/spf/records';
import type { WorkspaceView } from '../workspace/view';
import type { OriginSource, Zone } from '../zone/model';
import { nameKey } from '../zone/names';

export interface ZoneSummary {
  /** Canonical absolute origin, or undefined when it could not be determined. */
  readonly origin: string | undefined;
  readonly originSource: OriginSource;
  readonly recordCount: number;
}

export interface SpfLookupSummary {
  readonly count: number;
  readonly limit: number;
  /** False when a target could not be resolved or depends on macros: the count is then a lower bound. */
  readonly complete: boolean;
}

export function zoneSummary(zone: Zone): ZoneSummary {
  return { origin: zone.origin, originSource: zone.originSource, recordCount: zone.records.length };
}

/**
 * The lookups of the apex SPF record, or undefined when the apex has none, or several (then no record applies and
 * spf-multiple-records says so). After a lint the analysis is cached, so this costs no new DNS query.
 */
export async function apexSpfLookups(zone: Zone, workspace: WorkspaceView): Promise<SpfLookupSummary | undefined> {
  if (zone.origin === undefined) return undefined;
  const apex = nameKey(zone.origin);
  const atApex = (await analyzedSpfRecords(zone, workspace)).filter(({ spf }) => nameKey(spf.zone.record.owner) === apex);
  if (atApex.length !== 1) return undefined;
  const { analysis } = atApex[0];
  return { count: analysis.lookups, limit: MAX_DNS_TERMS, complete: analysis.complete };
}
