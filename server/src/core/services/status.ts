// What the editor's status bar shows for a zone file: the zone's origin, how it was found, and the size of the zone.

import type { OriginSource, Zone } from '../zone/model';

export interface ZoneSummary {
  /** Canonical absolute origin, or undefined when it could not be determined. */
  readonly origin: string | undefined;
  readonly originSource: OriginSource;
  readonly recordCount: number;
  /** How many files the zone reads: its own and those it `$INCLUDE`s. */
  readonly fileCount: number;
}

export function zoneSummary(zone: Zone): ZoneSummary {
  return { origin: zone.origin, originSource: zone.originSource, recordCount: zone.records.length, fileCount: zone.files.length };
}
