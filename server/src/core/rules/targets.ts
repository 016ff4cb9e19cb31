// What the zone-* rules look up in a zone, gathered once per zone and shared: the type of every record, the owners
// that hold more than one record of a type or a name that may not be a host's, and the host names MX, NS and SRV
// records point at. A walk that touches every record of a large zone costs more than most of these rules' own work,
// so each rule visits only the records it can report on.

import type { Span } from '../types';
import { hasNonTerminalWildcard, isHostname } from '../zone/hostnames';
import type { ResourceRecord, Zone } from '../zone/model';
import { recordsByOwner } from '../zone/model';
import { ROOT } from '../zone/names';
import type { RData } from '../zone/rdata/types';
import type { RuleContext, RuleReport } from './rule';

const TYPE_A = 1;
const TYPE_NS = 2;
const TYPE_MX = 15;
const TYPE_AAAA = 28;
const TYPE_SRV = 33;

/**
 * The records of each type as a chain through their positions in `zone.records`, in zone order. With it a rule
 * reaches the few records of the types it checks without a walk over every record, which for a large zone costs
 * more than most rules' own work.
 */
interface TypeIndex {
  /** The position of the first record of each type the zone holds. */
  readonly first: ReadonlyMap<number, number>;
  /** For each position, the position of the next record of the same type, or -1 after the last. */
  readonly next: Int32Array;
}

/**
 * Built in one walk on first use and kept with the zone: four bytes per record, in a typed array sized up front, so
 * nothing grows and is copied. The records never change, so it never goes stale.
 */
function typeIndex(zone: Zone): TypeIndex {
  let index = typeIndexCache.get(zone);
  if (index === undefined) {
    const records = zone.records;
    const first = new Map<number, number>();
    const next = new Int32Array(records.length).fill(-1);
    // The last position met of each type code (16 bits), -1 before the first.
    const last = new Int32Array(65536).fill(-1);
    for (let i = 0; i < records.length; i++) {
      const type = records[i].type;
      const previous = last[type];
      if (previous < 0) first.set(type, i);
      else next[previous] = i;
      last[type] = i;
    }
    index = { first, next };
    typeIndexCache.set(zone, index);
  }
  return index;
}

const typeIndexCache = new WeakMap<Zone, TypeIndex>();

/** Calls `visit` with each record of the given types, in zone order, building no list of them. */
export function forEachRecordOfTypes(zone: Zone, types: readonly number[], visit: (record: ResourceRecord) => void): void {
  const { first, next } = typeIndex(zone);
  const records = zone.records;
  // For each distinct type with records, the position of the next of them to visit, or -1 when all were.
  const cursors: number[] = [];
  for (const type of types) {
    const start = first.get(type);
    if (start !== undefined && !cursors.includes(start)) cursors.push(start);
  }
  // Merges the chains by position. The chain with the first position is followed for as long as it stays ahead of
  // the others, so one chain alone is read straight through.
  for (;;) {
    let pick = -1;
    let bound = Infinity;
    for (let c = 0; c < cursors.length; c++) {
      const cursor = cursors[c];
      if (cursor < 0) continue;
      if (pick < 0 || cursor < cursors[pick]) {
        if (pick >= 0) bound = cursors[pick];
        pick = c;
      } else if (cursor < bound) {
        bound = cursor;
      }
    }
    if (pick < 0) return;
    let cursor = cursors[pick];
    while (cursor >= 0 && cursor < bound) {
      visit(records[cursor]);
      cursor = next[cursor];
    }
    cursors[pick] = cursor;
  }
}

/** The records of the given types, in zone order; for types a zone holds few of. */
export function recordsOfTypes(zone: Zone, types: readonly number[]): ResourceRecord[] {
  const found: ResourceRecord[] = [];
  forEachRecordOfTypes(zone, types, (record) => found.push(record));
  return found;
}

/** What one walk over the owners of a zone finds, for the rules that compare an owner's records or check its name. */
interface OwnerFacts {
  readonly repeatedType: readonly (readonly ResourceRecord[])[];
  readonly suspectNames: readonly (readonly ResourceRecord[])[];
}

/**
 * Walks the owner index once per zone. Each list refers to the index's own lists of records, and holds few of them
 * in most zones: little is kept with the zone.
 */
function ownerFacts(zone: Zone): OwnerFacts {
  let facts = ownerFactsCache.get(zone);
  if (facts === undefined) {
    const repeatedType: (readonly ResourceRecord[])[] = [];
    const suspectNames: (readonly ResourceRecord[])[] = [];
    // The types met so far at one owner, the first `seenCount` of them: an owner holds few distinct types, however
    // many records. The array is reused from owner to owner.
    const seen: number[] = [];
    // forEach hands over key and records without building an entry pair for each of the many owners.
    recordsByOwner(zone).forEach((records, key) => {
      let hostType = false;
      if (records.length === 1) {
        hostType = isHostType(records[0].type);
      } else {
        let seenCount = 0;
        let repeated = false;
        for (const record of records) {
          const type = record.type;
          if (isHostType(type)) hostType = true;
          if (repeated) continue;
          let known = false;
          for (let i = 0; i < seenCount && !known; i++) known = seen[i] === type;
          if (known) repeated = true;
          else seen[seenCount++] = type;
        }
        if (repeated) repeatedType.push(records);
      }
      // Canonical names are ASCII (every other octet is escaped), so the lower-cased key passes these checks
      // exactly when the owners of its records do. A host name has no `*` label but a first one.
      if (hostType ? !isHostname(key, true) : hasNonTerminalWildcard(key)) suspectNames.push(records);
    });
    facts = { repeatedType, suspectNames };
    ownerFactsCache.set(zone, facts);
  }
  return facts;
}

const ownerFactsCache = new WeakMap<Zone, OwnerFacts>();

/** The types whose owners name hosts, for BIND's check-names: A, AAAA and MX. */
function isHostType(type: number): boolean {
  return type === TYPE_A || type === TYPE_AAAA || type === TYPE_MX;
}

/**
 * The records of each owner that holds two or more records of one type, in zone order: the only places where an
 * RRset has several members, so where TTLs can differ or a record can be written twice.
 */
export function ownersWithRepeatedType(zone: Zone): readonly (readonly ResourceRecord[])[] {
  return ownerFacts(zone).repeatedType;
}

/**
 * The records of each owner whose name zone-check-names may report, in zone order: a name that is not a host name
 * (a leading `*` label allowed) at an owner of A, AAAA or MX records, or a name with a `*` label that is not first.
 */
export function ownersWithSuspectNames(zone: Zone): readonly (readonly ResourceRecord[])[] {
  return ownerFacts(zone).suspectNames;
}

/**
 * Reports findings gathered owner by owner in zone order, as one walk over the records would have: the engine
 * keeps the report order of findings at one place (the records of one `$GENERATE` line, or of a file included
 * twice, share their spans). The walk is needed only when there are findings on two records or more.
 */
export function reportInZoneOrder(context: RuleContext, findings: ReadonlyMap<ResourceRecord, readonly RuleReport[]>): void {
  if (findings.size === 0) return;
  if (findings.size === 1) {
    for (const reports of findings.values()) for (const report of reports) context.report(report);
    return;
  }
  for (const record of context.zone.records) {
    const reports = findings.get(record);
    if (reports !== undefined) for (const report of reports) context.report(report);
  }
}

/** The rdata of a record that names a host: MX, SRV, and NS (whose data is a plain target). */
export type HostTargetData = Extract<RData, { kind: 'mx' | 'srv' | 'target' }>;

/**
 * Calls `visit` with every MX, NS and SRV record of a zone, in zone order, the host name it points at and its data,
 * except the root (null MX `0 .`, SRV `.` meaning "no service"). Where the target is written is left to
 * `hostTargetSpan`, asked only for a finding: nothing is built for the many targets that are fine.
 */
export function forEachHostTarget(zone: Zone, visit: (record: ResourceRecord, target: string, data: HostTargetData) => void): void {
  const { records, targets, data } = hostTargets(zone);
  for (let i = 0; i < records.length; i++) visit(records[i], targets[i], data[i]);
}

/** The records that point at a host, with their targets and data side by side, each list in zone order. */
interface HostTargets {
  readonly records: readonly ResourceRecord[];
  readonly targets: readonly string[];
  readonly data: readonly HostTargetData[];
}

/**
 * Found once per zone for the three rules that follow the targets (three references per MX, NS or SRV record,
 * kept with the zone). The targets stand in a list of their own so that a rule reads a target without reaching
 * through its record and rdata, which in a large zone lie far apart in memory.
 */
function hostTargets(zone: Zone): HostTargets {
  let found = hostTargetCache.get(zone);
  if (found === undefined) {
    const records: ResourceRecord[] = [];
    const targets: string[] = [];
    const data: HostTargetData[] = [];
    forEachRecordOfTypes(zone, [TYPE_MX, TYPE_NS, TYPE_SRV], (record) => {
      const rdata = record.data;
      let target: string;
      if (rdata.kind === 'mx') target = rdata.exchange;
      else if (rdata.kind === 'srv' || rdata.kind === 'target') target = rdata.target;
      else return;
      if (target === ROOT) return;
      records.push(record);
      targets.push(target);
      data.push(rdata);
    });
    found = { records, targets, data };
    hostTargetCache.set(zone, found);
  }
  return found;
}

const hostTargetCache = new WeakMap<Zone, HostTargets>();

/** Where a host target is written. */
export function hostTargetSpan(data: HostTargetData): Span {
  switch (data.kind) {
    case 'mx':
      return data.exchangeSpan;
    case 'srv':
    case 'target':
      return data.targetSpan;
  }
}
