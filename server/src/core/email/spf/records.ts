// The SPF records of a zone, found and parsed once per zone and shared by every spf-* rule: TXT records with
// their joined text, the ones that are SPF version 1 records, and where a place in that text is in the source.

import type { Location } from '../../types';
import type { Resolver } from '../../workspace/view';
import type { ResourceRecord, Zone } from '../../zone/model';
import type { RecordText } from '../recordText';
import { joinStrings } from '../recordText';
import { textLocation, txtRecordText } from '../txtRecords';
import type { SpfLookupAnalysis, SpfSource, TermVisit } from './lookups';
import { analyzeZoneRecord } from './lookups';
import { plainName } from './names';
import type { TextRange } from './parse';
import { isSpfRecordText, parseSpf } from './parse';

const TYPE_SPF = 99;

/** A TXT-style record of the zone (TXT, or the retired SPF type) with its strings joined. */
export interface ZoneTxtRecord {
  readonly record: ResourceRecord;
  readonly text: RecordText;
}

/** An SPF record written in the zone: a TXT record whose text starts with `v=spf1` and a space or the end. */
export interface ZoneSpfRecord extends SpfSource {
  readonly zone: ZoneTxtRecord;
}

/** Every TXT record of the zone with its joined text, in zone order. */
export function txtRecordsOf(zone: Zone): readonly ZoneTxtRecord[] {
  return cached(zone).txt;
}

/** The zone's SPF records (TXT only: receivers ignore type 99), parsed, in zone order. */
export function spfRecordsOf(zone: Zone): readonly ZoneSpfRecord[] {
  return cached(zone).spf;
}

/** The zone's records of the retired SPF type (99), with their strings joined. */
export function spfTypeRecordsOf(zone: Zone): readonly ZoneTxtRecord[] {
  return cached(zone).spfType;
}

/** The source place of a range of a record's joined text (an empty range marks one character, never none). */
export function locate(record: ZoneTxtRecord, range: TextRange): Location {
  return textLocation(record.record, record.text, range);
}

/**
 * Where to report a finding about a term anywhere in a record's include tree: at the term itself when it is in
 * the record, else at the record's own include or redirect that leads to it.
 */
export function visitLocation(spf: ZoneSpfRecord, visit: TermVisit): Location {
  return locate(spf.zone, (visit.path[0] ?? visit.cost).term);
}

/** The include/redirect chain to a term, as written: `include:a.example → redirect=b.example → mx:c.example`. */
export function describeChain(visit: TermVisit): string {
  const chain = [...visit.path, visit.cost].map((cost) => cost.term.text).join(' → ');
  const name = visit.cost.lookedUp;
  // A bare `a` or `mx` names no domain; say which one it looked up.
  return name !== undefined && !visit.cost.term.text.toLowerCase().includes(name.toLowerCase()) ? `${chain} (${name})` : chain;
}

/**
 * The lookup analysis of each SPF record that parsed cleanly (a record with a syntax error is already a
 * permerror, reported by spf-syntax). Shared through a cache, so the six rules that need it trigger one pass.
 */
export async function analyzedSpfRecords(
  zone: Zone,
  workspace: { readonly resolver: Resolver; readonly zones: readonly Zone[] },
): Promise<Array<{ spf: ZoneSpfRecord; analysis: SpfLookupAnalysis }>> {
  // One list of zones for every record; each record's analysis has its own answers and DNS query budget.
  const snapshot = { resolver: workspace.resolver, zones: workspace.zones };
  const clean = spfRecordsOf(zone).filter((spf) => spf.parsed.errors.length === 0);
  const analyses = await Promise.all(clean.map((spf) => analyzeZoneRecord(snapshot, spf)));
  return clean.map((spf, index) => ({ spf, analysis: analyses[index] }));
}

interface ZoneRecords {
  readonly txt: readonly ZoneTxtRecord[];
  readonly spf: readonly ZoneSpfRecord[];
  readonly spfType: readonly ZoneTxtRecord[];
}

const perZone = new WeakMap<Zone, ZoneRecords>();

function cached(zone: Zone): ZoneRecords {
  let found = perZone.get(zone);
  if (found === undefined) {
    found = collect(zone);
    perZone.set(zone, found);
  }
  return found;
}

function collect(zone: Zone): ZoneRecords {
  const txt: ZoneTxtRecord[] = [];
  const spf: ZoneSpfRecord[] = [];
  const spfType: ZoneTxtRecord[] = [];
  for (const record of zone.records) {
    if (record.data.kind !== 'txt') continue;
    if (record.type === TYPE_SPF) {
      spfType.push({ record, text: joinStrings(record.data.strings) });
      continue;
    }
    const text = txtRecordText(record);
    if (text === undefined) continue;
    const entry = { record, text };
    txt.push(entry);
    if (isSpfRecordText(entry.text.text)) {
      spf.push({ domain: plainName(record.owner), text: entry.text.text, parsed: parseSpf(entry.text.text), zone: entry });
    }
  }
  return { txt, spf, spfType };
}
