// The workspace as rules see it: every loaded zone, and name lookups answered from those zones first and from
// DNS (when the user allows it) for names outside them.

import type { ResourceRecord, Zone } from '../zone/model';
import { ownerIndex, recordsAt } from '../zone/model';
import { isSubdomainOf, nameKey, parentOf } from '../zone/names';

/** What a lookup of one name and type found. `source` says who answered, so hovers can show their work. */
export type LookupAnswer =
  | { readonly kind: 'records'; readonly source: 'zone' | 'dns'; readonly records: readonly LookupRecord[] }
  /** The name exists but has no records of that type (after following in-zone CNAMEs). */
  | { readonly kind: 'nodata'; readonly source: 'zone' | 'dns' }
  | { readonly kind: 'nxdomain'; readonly source: 'zone' | 'dns' }
  /** A DNS failure: SERVFAIL, timeout, refused. */
  | { readonly kind: 'error'; readonly source: 'dns'; readonly reason: string }
  /** Nobody could answer: the name lies outside the workspace and DNS is off or over budget. */
  | { readonly kind: 'unresolved'; readonly reason: string };

export interface LookupRecord {
  readonly type: number;
  /** Presentation of the rdata as DNS returns it: TXT as its strings, MX as preference and exchange, etc. */
  readonly txt?: readonly string[];
  readonly address?: string;
  readonly target?: string;
  readonly preference?: number;
  /** Set when the answer came from a zone of the workspace. */
  readonly record?: ResourceRecord;
}

/** Answers lookups; implementations chain the workspace zones and DNS. */
export interface Resolver {
  lookup(name: string, type: number): Promise<LookupAnswer>;
  /**
   * The answer `lookup` would give when it is known without waiting (from a workspace zone, or unresolved because
   * DNS is off or over budget), else undefined. It counts nothing against a query budget. Callers that check
   * thousands of records ask it first, so answers from the zones cost a map lookup instead of a promise.
   */
  answerNow?(name: string, type: number): LookupAnswer | undefined;
}

export interface WorkspaceView {
  readonly zones: readonly Zone[];
  /** The zone with the longest origin that contains `name`, if any. */
  zoneFor(name: string): Zone | undefined;
  /** Resolver that answers from the workspace zones first, then DNS when enabled. */
  readonly resolver: Resolver;
}

/** Finds the innermost workspace zone for a name. */
export function innermostZone(zones: readonly Zone[], name: string): Zone | undefined {
  let best: Zone | undefined;
  for (const zone of zones) {
    if (zone.origin === undefined || !isSubdomainOf(name, zone.origin)) continue;
    if (best === undefined || zone.origin.length > best.origin!.length) best = zone;
  }
  return best;
}

/** A name of a zone with the records it owns. */
export interface NameRecords {
  readonly name: string;
  readonly records: readonly ResourceRecord[];
}

/**
 * Answers a lookup of `asked.name`, whose records the caller has found in the zone, following in-zone CNAMEs a
 * bounded number of times.
 */
export function answerFromZone(zone: Zone, asked: NameRecords, type: number): LookupAnswer {
  let current = asked.name;
  for (let hops = 0; hops < 8; hops++) {
    const records = hops === 0 ? asked.records : recordsAt(zone, current);
    if (records.length === 0) {
      return hasDescendant(zone, current) ? { kind: 'nodata', source: 'zone' } : { kind: 'nxdomain', source: 'zone' };
    }
    // One pass, building only the answer: rules ask this for every SPF record of a zone.
    let matching: LookupRecord[] | undefined;
    let cname: ResourceRecord | undefined;
    for (const record of records) {
      if (record.type === type) (matching ??= []).push(toLookupRecord(record));
      else if (record.type === 5) cname ??= record;
    }
    if (matching !== undefined) return { kind: 'records', source: 'zone', records: matching };
    if (cname === undefined || cname.data.kind !== 'target' || type === 5) return { kind: 'nodata', source: 'zone' };
    current = cname.data.target;
    if (zone.origin === undefined || !isSubdomainOf(current, zone.origin)) return { kind: 'nodata', source: 'zone' };
  }
  return { kind: 'nodata', source: 'zone' };
}

/** True when a name owns nothing but lies above names that do (an empty non-terminal: NODATA, not NXDOMAIN). */
function hasDescendant(zone: Zone, name: string): boolean {
  let interior = interiorNames.get(zone);
  if (interior === undefined) {
    // Every proper ancestor of every owner, built once per zone so each answer is a set lookup.
    const built = new Set<string>();
    for (const owner of ownerIndex(zone).owners) {
      for (let parent = parentOf(nameKey(owner)); parent !== undefined && !built.has(parent); parent = parentOf(parent)) built.add(parent);
    }
    interior = built;
    interiorNames.set(zone, interior);
  }
  return interior.has(nameKey(name));
}

const interiorNames = new WeakMap<Zone, Set<string>>();

/** The `target` a zone record has as a `LookupRecord`: the name it points to (an MX exchange, a CNAME target). */
export function answerTarget(record: ResourceRecord): string | undefined {
  const data = record.data;
  return data.kind === 'mx' ? data.exchange : data.kind === 'target' || data.kind === 'srv' ? data.target : undefined;
}

function toLookupRecord(record: ResourceRecord): LookupRecord {
  const data = record.data;
  switch (data.kind) {
    case 'txt':
      return { type: record.type, txt: data.strings.map((s) => s.value), record };
    case 'a':
    case 'aaaa':
      return { type: record.type, address: data.address, record };
    case 'target':
    case 'srv':
      return { type: record.type, target: answerTarget(record), record };
    case 'mx':
      return { type: record.type, target: answerTarget(record), preference: data.preference, record };
    case 'soa':
    case 'other':
      return { type: record.type, record };
    default: {
      const unreachable: never = data;
      return unreachable;
    }
  }
}
