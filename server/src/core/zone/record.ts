// The records the parser builds. A zone can hold millions of them, so each keeps its source places as plain
// numbers and builds the `Span` objects and the wire form that `ResourceRecord` promises only when asked: a parsed
// record then costs a few hundred bytes instead of a dozen objects, and the garbage collector has less to move.

import type { SourceFile, Span } from '../types';
import { rdataTokensIn } from './lexer';
import type { ResourceRecord } from './model';
import { parseRdata } from './rdata';
import type { RData } from './rdata/types';

/** What every parsed record holds besides its places. */
export interface RecordFields {
  readonly file: SourceFile;
  readonly owner: string;
  readonly ttl: number;
  readonly rrclass: number;
  readonly type: number;
  readonly data: RData;
}

/** What the records of one stretch of a file share: the file, the origin in force there and the zone class. */
export interface RecordSource {
  readonly file: SourceFile;
  /** The origin in force, for the relative names a record's rdata may hold. */
  readonly origin: string;
  readonly rrclass: number;
}

/** Where the parts of a record written in a zone file stand; -1 marks a part that is not written. */
export interface RecordPlaces {
  /** The entry starts with the owner when it is written; it ends where the rdata ends. */
  readonly entryStart: number;
  /** The end of the written owner; -1 when the owner is inherited from the record before. */
  readonly ownerEnd: number;
  readonly ttlStart: number;
  readonly ttlEnd: number;
  readonly typeStart: number;
  readonly typeEnd: number;
  /** Where the rdata starts and ends; both are the type's end when a record has no rdata. */
  readonly rdataStart: number;
  readonly rdataEnd: number;
}

/**
 * A record read from a line of a zone file; its wire form is rebuilt from that line when someone asks for it. The
 * fields are only those that differ between records, to keep each of a large zone's records small.
 */
export class WrittenRecord implements ResourceRecord {
  private readonly source: RecordSource;
  readonly owner: string;
  readonly ttl: number;
  readonly type: number;
  readonly data: RData;
  private readonly entryStart: number;
  private readonly ownerEnd: number;
  private readonly ttlStart: number;
  private readonly ttlEnd: number;
  private readonly typeStart: number;
  private readonly typeEnd: number;
  private readonly rdataStart: number;
  private readonly rdataEnd: number;

  constructor(fields: Omit<RecordFields, 'file' | 'rrclass'> & RecordPlaces & { readonly source: RecordSource }) {
    this.source = fields.source;
    this.owner = fields.owner;
    this.ttl = fields.ttl;
    this.type = fields.type;
    this.data = fields.data;
    this.entryStart = fields.entryStart;
    this.ownerEnd = fields.ownerEnd;
    this.ttlStart = fields.ttlStart;
    this.ttlEnd = fields.ttlEnd;
    this.typeStart = fields.typeStart;
    this.typeEnd = fields.typeEnd;
    this.rdataStart = fields.rdataStart;
    this.rdataEnd = fields.rdataEnd;
  }

  get file(): SourceFile {
    return this.source.file;
  }

  get rrclass(): number {
    return this.source.rrclass;
  }

  get generated(): boolean {
    return false;
  }

  get span(): Span {
    return { start: this.entryStart, end: this.rdataEnd };
  }

  get ownerSpan(): Span | undefined {
    return this.ownerEnd < 0 ? undefined : { start: this.entryStart, end: this.ownerEnd };
  }

  get ttlSpan(): Span | undefined {
    return this.ttlStart < 0 ? undefined : { start: this.ttlStart, end: this.ttlEnd };
  }

  get typeSpan(): Span {
    return { start: this.typeStart, end: this.typeEnd };
  }

  get rdataSpan(): Span {
    return { start: this.rdataStart, end: this.rdataEnd };
  }

  /**
   * The rdata in wire form, read again from the record's text. The parser accepted that text, so reading it again
   * with the same origin gives the same octets; few rules need them (duplicate records, SVCB targets).
   */
  get wire(): Uint8Array {
    const file = this.source.file;
    const tokens = rdataTokensIn(file.text, this.rdataStart, this.rdataEnd);
    const parsed = parseRdata(this.type, tokens, { origin: this.source.origin, entryEnd: this.rdataEnd });
    if (parsed.wire === undefined) throw new Error(`the rdata of a parsed type ${this.type} record no longer reads at ${file.path}:${this.rdataStart}`);
    return parsed.wire;
  }
}

/**
 * A record made by a `$GENERATE` line. Its text is the line's template, not the record, so it keeps its own wire
 * form; such records are few (the generate limit bounds them) and their spans all point at the line.
 */
export class GeneratedRecord implements ResourceRecord {
  readonly file: SourceFile;
  readonly owner: string;
  readonly ttl: number;
  readonly rrclass: number;
  readonly type: number;
  readonly data: RData;
  readonly wire: Uint8Array;
  readonly span: Span;
  readonly ownerSpan: Span;
  readonly ttlSpan: Span | undefined;
  readonly typeSpan: Span;
  readonly rdataSpan: Span;

  constructor(fields: RecordFields & Pick<ResourceRecord, 'wire' | 'span' | 'ttlSpan' | 'typeSpan' | 'rdataSpan'> & { readonly ownerSpan: Span }) {
    this.file = fields.file;
    this.owner = fields.owner;
    this.ttl = fields.ttl;
    this.rrclass = fields.rrclass;
    this.type = fields.type;
    this.data = fields.data;
    this.wire = fields.wire;
    this.span = fields.span;
    this.ownerSpan = fields.ownerSpan;
    this.ttlSpan = fields.ttlSpan;
    this.typeSpan = fields.typeSpan;
    this.rdataSpan = fields.rdataSpan;
  }

  get generated(): boolean {
    return true;
  }
}
