// The parsed zone: records with exact source places, the files they came from, and indexes the rules use.

import type { Finding, SourceFile, Span } from '../types';
import type { Comment } from './lexer';
import { nameKey } from './names';
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

/** Records grouped by owner (case-insensitive), built once per zone on first use. */
export function recordsByOwner(zone: Zone): ReadonlyMap<string, readonly ResourceRecord[]> {
  let index = ownerIndexes.get(zone);
  if (index === undefined) {
    const built = new Map<string, ResourceRecord[]>();
    // Records of one owner usually follow each other and share one owner string (the parser reuses it), so a run
    // of them costs one map lookup: with hundreds of thousands of owners, map lookups are most of the work here.
    let runOwner: string | undefined;
    let runList: ResourceRecord[] = [];
    for (const record of zone.records) {
      if (record.owner === runOwner) {
        runList.push(record);
        continue;
      }
      const key = nameKey(record.owner);
      const list = built.get(key);
      if (list === undefined) built.set(key, (runList = [record]));
      else (runList = list).push(record);
      runOwner = record.owner;
    }
    index = built;
    ownerIndexes.set(zone, index);
  }
  return index;
}

/** The records of one owner name. */
export function recordsAt(zone: Zone, name: string): readonly ResourceRecord[] {
  return recordsByOwner(zone).get(nameKey(name)) ?? [];
}

const ownerIndexes = new WeakMap<Zone, Map<string, ResourceRecord[]>>();
