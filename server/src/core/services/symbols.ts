// The outline of a zone file: its records grouped by owner name (each run of consecutive records of one owner is
// one entry), with each record's type and data, and one entry per `$GENERATE` line.

import type { Span } from '../types';
import type { ResourceRecord, Zone } from '../zone/model';
import { nameKey, relativeName } from '../zone/names';
import { rdataText, recordTypeName } from './presentation';

export interface OwnerSymbol {
  /** The owner as the user writes it relative to the origin (`@`, `www`, `_dmarc`), or `$GENERATE`. */
  readonly name: string;
  /** The absolute owner name, or how many records a `$GENERATE` line makes. */
  readonly detail: string;
  readonly span: Span;
  readonly selectionSpan: Span;
  readonly records: readonly RecordSymbol[];
}

export interface RecordSymbol {
  /** The type mnemonic. */
  readonly name: string;
  /** The rdata on one line. */
  readonly detail: string;
  readonly span: Span;
  readonly selectionSpan: Span;
}

export function documentSymbols(zone: Zone, filePath: string): OwnerSymbol[] {
  const groups: ResourceRecord[][] = [];
  let previousKey: string | undefined;
  for (const record of zone.records) {
    if (record.file.path !== filePath) continue;
    // Records a `$GENERATE` line expands to share that line's span; a named record's run is its owner.
    const key = record.generated ? `$GENERATE@${record.span.start}` : nameKey(record.owner);
    if (key === previousKey) groups[groups.length - 1].push(record);
    else groups.push([record]);
    previousKey = key;
  }
  return groups.map((group) => (group[0].generated ? generateSymbol(group) : ownerSymbol(zone, group)));
}

function ownerSymbol(zone: Zone, records: readonly ResourceRecord[]): OwnerSymbol {
  const first = records[0];
  const span = { start: first.span.start, end: records[records.length - 1].span.end };
  return {
    name: zone.origin === undefined ? first.owner : relativeName(first.owner, zone.origin),
    detail: first.owner,
    span,
    selectionSpan: first.ownerSpan ?? first.typeSpan,
    records: records.map((record) => ({ name: recordTypeName(record), detail: rdataText(record), span: record.span, selectionSpan: record.typeSpan })),
  };
}

function generateSymbol(records: readonly ResourceRecord[]): OwnerSymbol {
  const first = records[0];
  const count = records.length === 1 ? '1 record' : `${records.length} records`;
  return { name: '$GENERATE', detail: `${count} of type ${recordTypeName(first)}`, span: first.span, selectionSpan: first.span, records: [] };
}
