// The parsed zone: records with exact source places, the files they came from, and indexes the rules use.

import { randomInt } from 'node:crypto';
import type { Finding, SourceFile, Span } from '../types';
import type { Comment } from './lexer';
import type { RData } from './rdata/types';

export interface ResourceRecord {
  /** The file the record is written in (the zone file or one it includes). */
  readonly file: SourceFile;
  /** The whole entry, from its first token (or line start for an inherited owner) to its last token. */
  readonly span: Span;
  /** Canonical absolute owner name. */
  readonly owner: string;
  /** Where the owner is written; undefined when it is inherited from the record before. */
  readonly ownerSpan: Span | undefined;
  readonly ttl: number;
  /** Where the TTL is written; undefined when it comes from `$TTL` or an earlier record. */
  readonly ttlSpan: Span | undefined;
  readonly rrclass: number;
  readonly type: number;
  readonly typeSpan: Span;
  /** From the first to the last rdata token. */
  readonly rdataSpan: Span;
  readonly data: RData;
  readonly wire: Uint8Array;
  /** Set for records expanded from a `$GENERATE` line; their spans point at that line. */
  readonly generated: boolean;
}

export interface Zone {
  /** The zone's own file (records from `$INCLUDE`d files carry theirs). */
  readonly file: SourceFile;
  /** The zone's origin, canonical and absolute, or undefined when it could not be determined. */
  readonly origin: string | undefined;
  readonly rrclass: number;
  readonly records: readonly ResourceRecord[];
  /** The zone file and every file it includes, in the order they were read. */
  readonly files: readonly SourceFile[];
  /** The `;` comments of each file, for suppression directives and rules that read comments. */
  readonly comments: ReadonlyMap<SourceFile, readonly Comment[]>;
  /** Problems found while reading the text (syntax, names, TTLs, rdata, includes). */
  readonly parseFindings: readonly Finding[];
  /** Every `$INCLUDE` directive, for document links and dependency tracking. */
  readonly includes: readonly IncludeDirective[];
  /** How the origin was found, for hovers and the status bar. */
  readonly originSource: OriginSource;
}

export type OriginSource = 'option' | 'config' | '$ORIGIN' | 'SOA owner' | 'file name' | 'unknown';

export interface IncludeDirective {
  /** The file that holds the directive. */
  readonly file: SourceFile;
  /** Span of the file-name token. */
  readonly pathSpan: Span;
  /** The resolved absolute path of the included file. */
  readonly target: string;
  /** True when the file was found, allowed and read. */
  readonly loaded: boolean;
  /** The included file as read (each `$INCLUDE` reads it anew, with its own origin and owner). */
  readonly includedFile: SourceFile | undefined;
}

/**
 * The owners of a zone and the records of each, found in one walk over the records on first use and kept with the
 * zone. Owners compare as DNS names do, ASCII letters case-insensitively (canonical names escape every other octet).
 * A large zone has hundreds of thousands of owners, most with one to four records, so nothing here is an object
 * per owner or per record: the records of an owner form a chain through their positions in `zone.records`, and
 * the owners are numbered by a hash table in a typed array. The same walk keeps each record's type and chains the
 * records of each type, for the rules that pick records by type: they reach the few records of the types they
 * check without touching the others.
 */
export class OwnerIndex {
  /** The distinct owners, numbered in the order they first appear, each as its first record writes it. */
  readonly owners: readonly string[];
  /** For each owner number, the position in `zone.records` of the owner's first record. */
  readonly firstRecord: Int32Array;
  /** For each record position, the position of the next record of the same owner, or -1 after its last. */
  readonly nextRecord: Int32Array;
  /** For each record position, the record's type (16 bits): a walk over an owner's types reads no record. */
  readonly types: Uint16Array;
  /** For each type code, the position of the first record of that type, or -1 when the zone has none. */
  readonly firstOfType: Int32Array;
  /** For each record position, the position of the next record of the same type, or -1 after its last. */
  readonly nextOfType: Int32Array;
  private readonly table: NameTable;

  /** `origin` is the zone's origin, if known: every owner ends with it (see `NameTable`). */
  constructor(records: readonly ResourceRecord[], origin: string | undefined) {
    const count = records.length;
    const table = new NameTable(count, origin?.length ?? 0);
    const firstRecord = new Int32Array(count);
    const nextRecord = new Int32Array(count).fill(-1);
    const types = new Uint16Array(count);
    const firstOfType = new Int32Array(65536).fill(-1);
    const nextOfType = new Int32Array(count).fill(-1);
    // The last record met of each type, and of each owner, to link the next one to; needed only while building.
    const lastOfType = new Int32Array(65536).fill(-1);
    const lastRecord = new Int32Array(count);
    // Records of one owner usually follow each other and share one owner string (the parser reuses it), so a run
    // of them costs one comparison each and one lookup for the whole run.
    let runOwner: string | undefined;
    let runNumber = -1;
    for (let i = 0; i < count; i++) {
      const record = records[i];
      const type = record.type;
      types[i] = type;
      const previousOfType = lastOfType[type];
      if (previousOfType < 0) firstOfType[type] = i;
      else nextOfType[previousOfType] = i;
      lastOfType[type] = i;
      const owner = record.owner;
      if (owner === runOwner) {
        nextRecord[i - 1] = i;
        continue;
      }
      if (runNumber >= 0) lastRecord[runNumber] = i - 1;
      runOwner = owner;
      const known = table.size;
      runNumber = table.intern(owner);
      if (runNumber === known) firstRecord[runNumber] = i;
      else nextRecord[lastRecord[runNumber]] = i;
    }
    this.table = table;
    this.owners = table.names;
    // Typed arrays cannot shrink in place; the copy to the owner count frees what a zone of many records per owner
    // left unused.
    this.firstRecord = firstRecord.slice(0, table.size);
    this.nextRecord = nextRecord;
    this.types = types;
    this.firstOfType = firstOfType;
    this.nextOfType = nextOfType;
  }

  /** The number of an owner name (any case), or -1 when the zone has no records there. */
  ownerNumber(name: string): number {
    return this.table.find(name);
  }

  /** The records of one owner number, in zone order. */
  recordsOf(number: number, records: readonly ResourceRecord[]): ResourceRecord[] {
    const found: ResourceRecord[] = [];
    for (let at = this.firstRecord[number]; at >= 0; at = this.nextRecord[at]) found.push(records[at]);
    return found;
  }
}

/**
 * Names numbered in the order they are added, found case-insensitively (ASCII) through open addressing with linear
 * probing: two numbers per slot, a name's number (-1 for an empty slot) and its hash, so that a probe compares
 * names only when their hashes agree. It starts with a slot per expected name, which for a zone (a name per record
 * at most, most zones half as many or fewer) seldom needs to grow.
 */
class NameTable {
  readonly names: string[] = [];
  private slots: Int32Array;

  /**
   * `sharedSuffix` is how many characters at the end of a name the hash leaves out: the length of the zone's origin,
   * which every owner ends with, so that hashing reads only the characters that tell owners apart. Any name may be
   * looked up (the hash is a function of the name alone); one outside the zone merely shares its hash with more.
   */
  constructor(
    expected: number,
    private readonly sharedSuffix: number,
  ) {
    let slotCount = 64;
    while (slotCount < expected) slotCount *= 2;
    this.slots = new Int32Array(2 * slotCount).fill(-1);
  }

  get size(): number {
    return this.names.length;
  }

  /** The number of a name, or -1 when it was never added. */
  find(name: string): number {
    return this.slots[2 * this.slotOf(name, nameHash(name, this.sharedSuffix))];
  }

  /** The number of a name, which is `size` (before the call) when the name is new and so added. */
  intern(name: string): number {
    const hash = nameHash(name, this.sharedSuffix);
    let slot = this.slotOf(name, hash);
    const found = this.slots[2 * slot];
    if (found >= 0) return found;
    const number = this.names.length;
    this.names.push(name);
    // At most half the slots in use keeps the probes short.
    if (2 * this.names.length > this.slots.length >> 1) {
      this.grow();
      slot = this.slotOf(name, hash);
    }
    this.slots[2 * slot] = number;
    this.slots[2 * slot + 1] = hash;
    return number;
  }

  /** The slot that holds the name, or the empty slot where it would go. */
  private slotOf(name: string, hash: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = hash & mask;
    for (;;) {
      const number = slots[2 * slot];
      if (number < 0 || (slots[2 * slot + 1] === hash && sameName(this.names[number], name))) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(2 * old.length).fill(-1);
    const mask = (slots.length >> 1) - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] < 0) continue;
      let slot = old[at + 1] & mask;
      while (slots[2 * slot] >= 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[at];
      slots[2 * slot + 1] = old[at + 1];
    }
    this.slots = slots;
  }
}

/**
 * Per process, so that no zone written in advance can make many names share a slot and the lookups slow; the
 * numbering of owners does not depend on it.
 */
const HASH_SEED = randomInt(2 ** 31);

/**
 * FNV-1a over the name's length and its characters but the last `skipped`, ASCII letters folded to lower case, then
 * mixed so that the low bits vary.
 */
function nameHash(name: string, skipped: number): number {
  let hash = Math.imul(HASH_SEED ^ 0x811c9dc5 ^ name.length, 0x01000193);
  const end = name.length - skipped;
  for (let i = 0; i < end; i++) {
    const c = name.charCodeAt(i);
    hash = Math.imul(hash ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
  }
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}

/** Whether two names are equal with ASCII letters compared case-insensitively, as DNS compares names. */
function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Two characters that differ in case alone differ in bit 5 alone, and are letters.
    const lower = x | 32;
    if (lower !== (y | 32) || lower < 97 || lower > 122) return false;
  }
  return true;
}

/** The owner index of a zone, built once per zone on first use. */
export function ownerIndex(zone: Zone): OwnerIndex {
  let index = ownerIndexes.get(zone);
  if (index === undefined) {
    index = new OwnerIndex(zone.records, zone.origin);
    ownerIndexes.set(zone, index);
  }
  return index;
}

const ownerIndexes = new WeakMap<Zone, OwnerIndex>();

/** The records of one owner name (any case), in zone order. */
export function recordsAt(zone: Zone, name: string): readonly ResourceRecord[] {
  const index = ownerIndex(zone);
  const number = index.ownerNumber(name);
  return number < 0 ? NO_RECORDS : index.recordsOf(number, zone.records);
}

const NO_RECORDS: readonly ResourceRecord[] = Object.freeze([]);
