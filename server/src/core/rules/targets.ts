// What the zone-* rules look up in a zone, gathered once per zone and shared: the records of the types they check,
// the owners that hold more than one record of a type or a name that may not be a host's, and the host names MX, NS
// and SRV records point at. A walk that touches every record of a large zone costs more than most of these rules'
// own work, so each rule visits only the records it can report on.

import type { Span } from '../types';
import { hasNonTerminalWildcard, isHostname } from '../zone/hostnames';
import type { ResourceRecord, Zone } from '../zone/model';
import { ownerIndex } from '../zone/model';
import { ROOT } from '../zone/names';
import type { RData } from '../zone/rdata/types';
import type { RuleContext, RuleReport } from './rule';

const TYPE_A = 1;
const TYPE_NS = 2;
const TYPE_MX = 15;
const TYPE_AAAA = 28;
const TYPE_SRV = 33;

/**
 * Calls `visit` with each record of the given types, in zone order, building no list of them. It follows the owner
 * index's chain of each type, so a rule reaches the few records of the types it checks without a walk over every
 * record, which for a large zone costs more than most rules' own work.
 */
export function forEachRecordOfTypes(zone: Zone, types: readonly number[], visit: (record: ResourceRecord) => void): void {
  const { firstOfType, nextOfType } = ownerIndex(zone);
  const records = zone.records;
  // For each distinct type with records, the position of the next of them to visit, or -1 when all were.
  const cursors: number[] = [];
  for (const type of types) {
    const start = firstOfType[type];
    if (start >= 0 && !cursors.includes(start)) cursors.push(start);
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
      cursor = nextOfType[cursor];
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
 * Walks the owner index once per zone, reading the types of each owner's records from the index rather than the
 * records themselves. Each list is built for an owner that goes into it, and holds few of them in most zones: little
 * is kept with the zone.
 */
function ownerFacts(zone: Zone): OwnerFacts {
  let facts = ownerFactsCache.get(zone);
  if (facts === undefined) {
    const repeatedType: (readonly ResourceRecord[])[] = [];
    const suspectNames: (readonly ResourceRecord[])[] = [];
    const index = ownerIndex(zone);
    const { owners, firstRecord, nextRecord, types } = index;
    // The types met so far at one owner, the first `seenCount` of them: an owner holds few distinct types, however
    // many records. The array is reused from owner to owner.
    const seen: number[] = [];
    for (let number = 0; number < owners.length; number++) {
      const first = firstRecord[number];
      let hostType = isHostType(types[first]);
      let repeated = false;
      if (nextRecord[first] >= 0) {
        seen[0] = types[first];
        let seenCount = 1;
        for (let at = nextRecord[first]; at >= 0; at = nextRecord[at]) {
          const type = types[at];
          if (isHostType(type)) hostType = true;
          if (repeated) continue;
          let known = false;
          for (let i = 0; i < seenCount && !known; i++) known = seen[i] === type;
          if (known) repeated = true;
          else seen[seenCount++] = type;
        }
      }
      let records: readonly ResourceRecord[] | undefined;
      if (repeated) repeatedType.push((records = index.recordsOf(number, zone.records)));
      // Canonical names are ASCII (every other octet is escaped), so an owner passes these checks in any case
      // exactly when it passes them as its first record writes it. A host name has no `*` label but a first one.
      const owner = owners[number];
      if (hostType ? !isHostname(owner, true) : hasNonTerminalWildcard(owner)) suspectNames.push(records ?? index.recordsOf(number, zone.records));
    }
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
 * The MX, NS and SRV records of a zone, in zone order, with the host name each points at and what the rules ask of
 * it, except the root (null MX `0 .`, SRV `.` meaning "no service"). The lists stand side by side, one entry per
 * record, so that a rule reads a target without reaching through its record and rdata, which in a large zone lie
 * far apart in memory. Where the target is written is left to `hostTargetSpan`, asked only for a finding.
 */
export interface HostTargets {
  readonly records: readonly ResourceRecord[];
  readonly targets: readonly string[];
  readonly data: readonly HostTargetData[];
  /** The owner number of each target in the zone's owner index, or -1 where the zone holds no records. */
  readonly targetOwners: Int32Array;
  /** 1 where the target is a valid host name (letters, digits and inner hyphens), else 0. */
  readonly validHostnames: Uint8Array;
}

/**
 * Found once per zone for the three rules that follow the targets, and kept with the zone. Each target is read once
 * for all of them, while it is at hand: its owner is looked up and its syntax checked in the same pass. In a large
 * zone the records, their rdata and their targets lie far apart in memory, so the first pass reads no target: it
 * only gathers them, and the second drops the root as it reads each one.
 */
export function hostTargets(zone: Zone): HostTargets {
  let found = hostTargetCache.get(zone);
  if (found === undefined) {
    const records: ResourceRecord[] = [];
    const targets: string[] = [];
    const data: HostTargetData[] = [];
    forEachRecordOfTypes(zone, [TYPE_MX, TYPE_NS, TYPE_SRV], (record) => {
      const rdata = record.data;
      if (rdata.kind === 'mx') targets.push(rdata.exchange);
      else if (rdata.kind === 'srv' || rdata.kind === 'target') targets.push(rdata.target);
      else return;
      records.push(record);
      data.push(rdata);
    });
    const index = ownerIndex(zone);
    const targetOwners = new Int32Array(targets.length);
    const validHostnames = new Uint8Array(targets.length);
    // The entries kept so far: each list is compacted in place over the roots it drops.
    let kept = 0;
    for (let i = 0; i < targets.length; i++) {
      const target = targets[i];
      if (target === ROOT) continue;
      records[kept] = records[i];
      targets[kept] = target;
      data[kept] = data[i];
      targetOwners[kept] = index.ownerNumber(target);
      if (isHostname(target, false)) validHostnames[kept] = 1;
      kept++;
    }
    records.length = kept;
    targets.length = kept;
    data.length = kept;
    found = { records, targets, data, targetOwners: targetOwners.subarray(0, kept), validHostnames: validHostnames.subarray(0, kept) };
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
