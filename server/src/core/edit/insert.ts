// Inserting new records the way the file around them is written: next to records of the same owner (or the
// records a caller names, or in DNS name order), with relative or absolute owners, blank owners, TTL, class, type
// case and column alignment copied from the neighbour, and never between a record and a blank-owner line that
// inherits its owner.

import type { ResourceRecord, Zone } from '../zone/model';
import { recordsAt } from '../zone/model';
import { labelsOf, nameKey, parseName, relativeName, ROOT } from '../zone/names';
import { nameFromLabels } from '../email/txtRecords';
import type { SourceFile } from '../types';
import { advance, afterLineOf, lineEnding, lineStartOf, padding, visualColumn } from './lines';
import type { TextEdit } from './textEdit';
import { txtRdata } from './txt';

/** The data of a new record: presentation text, or a TXT value (octets) to quote and split. */
export type NewRdata = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'txt'; readonly value: string };

export interface NewRecord {
  /** Canonical absolute owner. */
  readonly owner: string;
  /** The type mnemonic in upper case (`TXT`, `MX`, `CNAME`). */
  readonly type: string;
  readonly rdata: NewRdata;
}

/**
 * The edits that insert `records` into `zone`. Each goes after the last record of its owner in the file; failing
 * that after the last of the `near` records (a domain's other mail records); failing that after the record that
 * precedes it in DNS name order. Records that land at one place come in one edit, continuing owners first.
 */
export function insertRecords(options: { zone: Zone; records: readonly NewRecord[]; near?: readonly ResourceRecord[] }): TextEdit[] {
  const { zone } = options;
  const groups = new Map<string, { file: SourceFile; offset: number; prefix: string; anchor: ResourceRecord | undefined; records: NewRecord[] }>();
  for (const record of options.records) {
    const place = placeFor({ zone, owner: record.owner, near: options.near ?? [] });
    const key = `${place.file.path}\u0000${place.offset}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { ...place, records: [record] });
    else group.records.push(record);
  }
  const edits: TextEdit[] = [];
  for (const group of groups.values()) {
    const { anchor, file } = group;
    const continuing = (record: NewRecord): boolean => anchor !== undefined && nameKey(record.owner) === nameKey(anchor.owner);
    // A record that continues the anchor's owner must come before any other, or a blank owner would inherit theirs.
    const ordered = [...group.records.filter(continuing), ...group.records.filter((record) => !continuing(record))];
    const eol = lineEnding(file.text);
    const lines = ordered.map((record, index) => formatRecord({ zone, file, anchor, record, blankOwnerAllowed: index === 0 || continuing(ordered[index - 1]) }) + eol);
    edits.push({ file, span: { start: group.offset, end: group.offset }, newText: group.prefix + lines.join('') });
  }
  return edits;
}

/**
 * What placing records in one file needs, built once per zone and file, so the fixes of thousands of findings
 * (one per mail domain of a large zone) do not each scan the zone.
 */
interface FileIndex {
  /** The records written in the file (not expanded from `$GENERATE`), in file order. */
  readonly records: readonly ResourceRecord[];
  readonly position: ReadonlyMap<ResourceRecord, number>;
  /** Owner key to the index of the owner's last record in the file. */
  readonly lastOfOwner: ReadonlyMap<string, number>;
  /** True when most owners the file writes are absolute names. */
  readonly absoluteOwners: boolean;
  /** Offsets of the file's `$ORIGIN` lines, ascending. */
  readonly originDirectives: readonly number[];
}

function fileIndex(zone: Zone, file: SourceFile): FileIndex {
  let perFile = fileIndexes.get(zone);
  if (perFile === undefined) fileIndexes.set(zone, (perFile = new Map()));
  let index = perFile.get(file);
  if (index === undefined) {
    const records = zone.records.filter((record) => record.file === file && !record.generated);
    const position = new Map<ResourceRecord, number>();
    const lastOfOwner = new Map<string, number>();
    let absolute = 0;
    records.forEach((record, i) => {
      position.set(record, i);
      lastOfOwner.set(nameKey(record.owner), i);
      if (record.ownerSpan === undefined) return;
      const raw = file.text.slice(record.ownerSpan.start, record.ownerSpan.end);
      absolute += raw !== '@' && raw.endsWith('.') && !raw.endsWith('\\.') ? 1 : -1;
    });
    const originDirectives = [...file.text.matchAll(/^\$ORIGIN\b/gim)].map((match) => match.index ?? 0);
    index = { records, position, lastOfOwner, absoluteOwners: absolute > 0, originDirectives };
    perFile.set(file, index);
  }
  return index;
}

const fileIndexes = new WeakMap<Zone, Map<SourceFile, FileIndex>>();

/**
 * Labels right to left, lower case, NUL-separated: comparing these strings compares names in DNS canonical order
 * (RFC 4034 §6.1).
 */
function canonicalKey(name: string): string {
  let key = canonicalKeys.get(name);
  if (key === undefined) {
    key = labelsOf(name).map((label) => label.toLowerCase()).reverse().join('\u0000');
    if (canonicalKeys.size > 100000) canonicalKeys.clear();
    canonicalKeys.set(name, key);
  }
  return key;
}

const canonicalKeys = new Map<string, string>();

interface Place {
  readonly file: SourceFile;
  readonly offset: number;
  /** A line break to write first, when the anchor ends the file without one. */
  readonly prefix: string;
  readonly anchor: ResourceRecord | undefined;
}

function placeFor(options: { zone: Zone; owner: string; near: readonly ResourceRecord[] }): Place {
  const { zone, owner } = options;
  const file = options.near.find((record) => !record.generated)?.file ?? zone.file;
  const index = fileIndex(zone, file);
  const { records } = index;
  const nearest = Math.max(-1, ...options.near.map((record) => index.position.get(record) ?? -1));
  let at = index.lastOfOwner.get(nameKey(owner)) ?? (nearest >= 0 ? nearest : precedingInNameOrder(records, owner));
  if (at === undefined) return { file, ...afterText(file), anchor: undefined };
  // Blank-owner lines after the anchor inherit its owner; a record written between them would take it over.
  while (at + 1 < records.length && records[at + 1].ownerSpan === undefined) at++;
  const anchor = records[at];
  const after = afterLineOf(file, anchor.span.end);
  return { file, offset: after.offset, prefix: after.prefix, anchor };
}

/** The index of the last record with the greatest owner before `owner` in name order; the first record when none. */
function precedingInNameOrder(records: readonly ResourceRecord[], owner: string): number | undefined {
  const key = canonicalKey(owner);
  let best: number | undefined;
  records.forEach((record, i) => {
    const candidate = canonicalKey(record.owner);
    if (candidate < key && (best === undefined || candidate >= canonicalKey(records[best].owner))) best = i;
  });
  return best ?? (records.length > 0 ? 0 : undefined);
}

function afterText(file: SourceFile): { offset: number; prefix: string } {
  const text = file.text;
  const endsWithBreak = text.length === 0 || text.endsWith('\n') || text.endsWith('\r');
  return { offset: text.length, prefix: endsWithBreak ? '' : lineEnding(text) };
}

/** How the anchor's line is laid out: the column each field starts at, and what it writes. */
interface Layout {
  readonly tabs: boolean;
  readonly ttl: { readonly text: string; readonly column: number | undefined } | undefined;
  readonly rrclass: { readonly text: string; readonly column: number | undefined } | undefined;
  readonly typeColumn: number | undefined;
  readonly lowerCaseType: boolean;
  readonly rdataColumn: number | undefined;
}

function formatRecord(options: { zone: Zone; file: SourceFile; anchor: ResourceRecord | undefined; record: NewRecord; blankOwnerAllowed: boolean }): string {
  const { zone, file, anchor, record } = options;
  const layout = anchor === undefined ? undefined : layoutOf(anchor);
  const sameOwner = anchor !== undefined && nameKey(anchor.owner) === nameKey(record.owner);
  const blankOwner = sameOwner && options.blankOwnerAllowed && anchor.ownerSpan === undefined;
  let line = blankOwner ? '' : ownerText({ zone, file, anchor, owner: record.owner });
  let column = advance(0, line);
  const tabs = layout?.tabs ?? false;
  // Each field starts at the anchor's column for it, or one blank after the field before; a blank owner is the
  // whitespace before the first field.
  const put = (text: string | ((column: number) => string), target: number | undefined): void => {
    const pad = padding({ from: column, to: target ?? column + 1, tabs });
    column = advance(column, pad);
    const written = typeof text === 'string' ? text : text(column);
    line += pad + written;
    column = advance(column, written);
  };
  if (layout?.ttl !== undefined) put(rrsetTtl(zone, record) ?? layout.ttl.text, layout.ttl.column);
  if (layout?.rrclass !== undefined) put(layout.rrclass.text, layout.rrclass.column);
  put(layout?.lowerCaseType === true ? record.type.toLowerCase() : record.type, layout?.typeColumn);
  const rdata = record.rdata;
  put((at) => (rdata.kind === 'text' ? rdata.text : txtRdata({ value: rdata.value, column: at, eol: lineEnding(file.text) })), layout?.rdataColumn);
  return line;
}

/** The TTL the zone already gives the new record's RRset, so adding to it does not split its TTLs. */
function rrsetTtl(zone: Zone, record: NewRecord): string | undefined {
  const sibling = recordsAt(zone, record.owner).find((other) => other.ttlSpan !== undefined && typeLabel(other) === record.type);
  return sibling?.ttlSpan === undefined ? undefined : sibling.file.text.slice(sibling.ttlSpan.start, sibling.ttlSpan.end);
}

function typeLabel(record: ResourceRecord): string {
  return record.file.text.slice(record.typeSpan.start, record.typeSpan.end).toUpperCase();
}

/**
 * How the anchor's first line is laid out. A line whose fields are each one blank apart is not aligned, so new
 * fields are too written one blank apart (only a blank owner keeps its indentation); otherwise each field starts at
 * the anchor's column for it.
 */
function layoutOf(anchor: ResourceRecord): Layout {
  const file = anchor.file;
  const text = file.text;
  const lineStart = lineStartOf(file, anchor.span.start);
  const typeLine = file.positionAt(anchor.typeSpan.start).line;
  const fieldsStart = anchor.ownerSpan?.end ?? lineStart;
  const fields: Array<{ start: number; text: string }> = [];
  for (const match of text.slice(fieldsStart, anchor.typeSpan.start).matchAll(/[^\s()]+/g)) fields.push({ start: fieldsStart + (match.index ?? 0), text: match[0] });
  const rrclassField = fields.find((field) => field.start !== anchor.ttlSpan?.start);
  const rdataOnLine = file.positionAt(anchor.rdataSpan.start).line === typeLine;
  const gapsEnd = rdataOnLine ? anchor.rdataSpan.start : anchor.typeSpan.end;
  const gaps = text.slice(anchor.ownerSpan?.end ?? anchor.span.start, gapsEnd).match(/[ \t]+/g) ?? [];
  const aligned = gaps.some((gap) => gap !== ' ');
  const firstField = Math.min(...fields.map((field) => field.start), anchor.typeSpan.start);
  const column = (offset: number): number | undefined => (aligned || (anchor.ownerSpan === undefined && offset === firstField) ? visualColumn(file, offset) : undefined);
  const typeText = text.slice(anchor.typeSpan.start, anchor.typeSpan.end);
  return {
    tabs: /\t/.test(text.slice(lineStart, gapsEnd)),
    ttl: anchor.ttlSpan === undefined ? undefined : { text: text.slice(anchor.ttlSpan.start, anchor.ttlSpan.end), column: column(anchor.ttlSpan.start) },
    rrclass: rrclassField === undefined ? undefined : { text: rrclassField.text, column: column(rrclassField.start) },
    typeColumn: column(anchor.typeSpan.start),
    lowerCaseType: /[a-z]/.test(typeText) && !/[A-Z]/.test(typeText),
    rdataColumn: rdataOnLine ? column(anchor.rdataSpan.start) : undefined,
  };
}

/**
 * The owner as the file writes owners: absolute when most written owners are, else relative to the origin in force
 * at the anchor (absolute after all when that origin is unknown).
 */
function ownerText(options: { zone: Zone; file: SourceFile; anchor: ResourceRecord | undefined; owner: string }): string {
  const { zone, file, anchor, owner } = options;
  if (fileIndex(zone, file).absoluteOwners) return owner;
  const origin = originAt({ zone, file, before: anchor });
  return origin === undefined ? owner : relativeName(owner, origin);
}

/**
 * The origin in force just after `before`: read from the nearest earlier record written with a relative owner
 * (its owner minus the labels written), unless a `$ORIGIN` stands between; the zone's origin for its own file when
 * no `$ORIGIN` comes first.
 */
function originAt(options: { zone: Zone; file: SourceFile; before: ResourceRecord | undefined }): string | undefined {
  const { zone, file, before } = options;
  const { records, position, originDirectives } = fileIndex(zone, file);
  const end = before === undefined ? file.text.length : before.span.end;
  const lastOriginDirective = originDirectives.filter((offset) => offset < end).pop() ?? -1;
  for (let index = before === undefined ? records.length - 1 : (position.get(before) ?? -1); index >= 0; index--) {
    const record = records[index];
    if (record.span.start < lastOriginDirective) break;
    if (record.ownerSpan === undefined) continue;
    const raw = file.text.slice(record.ownerSpan.start, record.ownerSpan.end);
    if (raw === '@') return record.owner;
    if (raw.endsWith('.') && !raw.endsWith('\\.')) continue;
    const written = parseName(raw, ROOT).name;
    if (written === undefined) continue;
    return nameFromLabels(labelsOf(record.owner).slice(labelsOf(written).length));
  }
  return file === zone.file && lastOriginDirective < 0 ? zone.origin : undefined;
}

/**
 * The edits that delete records' lines. A blank-owner record that inherited its owner from a deleted record gets
 * that owner written on its own line, so it keeps the name it had.
 */
export function deleteRecords(zone: Zone, doomed: readonly ResourceRecord[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const deleted = new Set(doomed);
  for (const record of doomed) {
    const file = record.file;
    edits.push({ file, span: { start: lineStartOf(file, record.span.start), end: afterLineOf(file, record.span.end).offset }, newText: '' });
    if (record.ownerSpan === undefined) continue;
    // The first record after it that is not deleted inherits its owner, unless an owner is written before that.
    const { records, position } = fileIndex(zone, file);
    let next = (position.get(record) ?? records.length) + 1;
    while (next < records.length && deleted.has(records[next]) && records[next].ownerSpan === undefined) next++;
    const heir = records[next];
    if (heir === undefined || deleted.has(heir) || heir.ownerSpan !== undefined) continue;
    const owner = file.text.slice(record.ownerSpan.start, record.ownerSpan.end);
    const lineStart = lineStartOf(file, heir.span.start);
    const indentation = file.text.slice(lineStart, heir.span.start);
    const pad = padding({ from: advance(0, owner), to: advance(0, indentation), tabs: indentation.includes('\t') });
    edits.push({ file, span: { start: lineStart, end: heir.span.start }, newText: owner + pad });
  }
  return edits;
}
