// DMARC records (RFC 9989): where they may stand, how a TXT text is recognized as one, the tags and their
// values, and the report URIs (RFC 9990), each with its range in the record text for exact findings; and the
// compact parse of a zone's DMARC records, with the records each dmarc-* rule may report, that the rules share.

import type { ResourceRecord } from '../zone/model';
import { labelsOf } from '../zone/names';
import type { RecordText } from './recordText';
import { joinStrings } from './recordText';
import type { Tag, TagList, TextRange } from './tagList';
import { isTagListWhitespace, parseTagList, scanTagList, TagListScan } from './tagList';
import { equalsIgnoringCase, lowerLabels, nameFromLabels, startsWithIgnoringCase, TYPE_TXT } from './txtRecords';

export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

/** The tags RFC 9989 defines. */
export const DMARC_TAGS: ReadonlySet<string> = new Set(['v', 'p', 'sp', 'np', 'adkim', 'aspf', 'fo', 'rua', 'ruf', 't', 'psd']);

/** Tags of RFC 7489 that RFC 9989 removed; receivers following RFC 9989 ignore them. */
export const REMOVED_DMARC_TAGS: ReadonlySet<string> = new Set(['pct', 'rf', 'ri']);

/** Where a TXT record stands with respect to DMARC. */
export type DmarcPlacement =
  /** `_dmarc.<domain>`: the domain's policy record. */
  | { readonly kind: 'policy'; readonly domain: string }
  /** `<domain>._report._dmarc.<destination>`: the destination accepts reports about `domain` (RFC 9990 §4). */
  | { readonly kind: 'report-authorization'; readonly reportedDomain: string; readonly destination: string }
  | { readonly kind: 'elsewhere' };

/**
 * `dmarc` is a record receivers use; `broken-dmarc` is meant as one but receivers ignore it (bad or misplaced
 * version tag, empty text); `not-dmarc` is some other record (SPF, a site verification token, free text).
 */
export type DmarcKind = 'dmarc' | 'broken-dmarc' | 'not-dmarc';

export interface DmarcTag extends Tag {
  /** The name in lower case: DMARC tag names are case-insensitive (RFC 5234 string literals). */
  readonly key: string;
}

export interface DmarcRecord {
  readonly text: string;
  readonly tagList: TagList;
  readonly tags: readonly DmarcTag[];
  readonly kind: DmarcKind;
  /** For `broken-dmarc`: why receivers ignore the record, and where. */
  readonly versionProblem: { readonly message: string; readonly range: TextRange } | undefined;
}

/** The tag names of RFC 9989 and RFC 7489 as the small numbers a parsed zone record keeps instead of strings. */
export const enum DmarcKey {
  /** A name neither RFC defines. */
  Other,
  V,
  P,
  Sp,
  Np,
  Adkim,
  Aspf,
  Fo,
  Rua,
  Ruf,
  T,
  Psd,
  Pct,
  Rf,
  Ri,
}

/**
 * A TXT record of a zone that matters to DMARC, parsed once for all the dmarc-* rules; a zone keeps one only for a
 * record some rule may report. It keeps its tags as offsets into its text in a table shared by the zone's records,
 * and its text is the record's own string, so it costs about a hundred bytes for the zone's lifetime; the objects of
 * the full parse (`parsed`, `text`, `placement`) are built when asked for, which the rules do only for what they
 * report.
 */
export class DmarcTxt {
  readonly record: ResourceRecord;
  /** The record's strings joined; for a record of one string, that string itself. */
  readonly value: string;
  readonly kind: DmarcKind;
  readonly placementKind: DmarcPlacement['kind'];
  readonly tagCount: number;
  private readonly table: DmarcTagTable;
  private readonly firstTag: number;

  constructor(fields: {
    record: ResourceRecord;
    value: string;
    kind: DmarcKind;
    placementKind: DmarcPlacement['kind'];
    /** Where the record's tags are kept: `tagCount` of them from index `firstTag` on. */
    table: DmarcTagTable;
    firstTag: number;
    tagCount: number;
  }) {
    this.record = fields.record;
    this.value = fields.value;
    this.kind = fields.kind;
    this.placementKind = fields.placementKind;
    this.tagCount = fields.tagCount;
    this.table = fields.table;
    this.firstTag = fields.firstTag;
  }

  /** The joined text with its map to the source, built anew on each read (for findings and edits). */
  get text(): RecordText {
    return joinStrings(this.record.data.kind === 'txt' ? this.record.data.strings : []);
  }

  /** The full parse of the text, built anew on each read. */
  get parsed(): DmarcRecord {
    return parseDmarcRecord(this.value);
  }

  /** Where the record stands, with the domain names that placement names, built anew on each read. */
  get placement(): DmarcPlacement {
    return dmarcPlacement(this.record.owner);
  }

  /** The index of the first tag with this name, or -1. */
  indexOfTag(key: DmarcKey): number {
    for (let i = 0; i < this.tagCount; i++) if (this.table.key(this.firstTag + i) === key) return i;
    return -1;
  }

  tagValueStart(index: number): number {
    return this.table.valueStart(this.firstTag + index);
  }

  tagValueEnd(index: number): number {
    return this.table.valueEnd(this.firstTag + index);
  }

  /** The policy a `p`, `sp` or `np` tag's value names (case-insensitive), read in place; undefined when none. */
  policyAt(index: number): DmarcPolicy | undefined {
    return policyWritten(this.value, this.tagValueStart(index), this.tagValueEnd(index));
  }

  /** A tag's `range` as the full parse gives it: from its name to the end of its value (or of the `=`). */
  tagRange(index: number): TextRange {
    const start = this.table.nameStart(this.firstTag + index);
    const valueEnd = this.tagValueEnd(index);
    return { start, end: valueEnd > this.tagValueStart(index) ? valueEnd : this.value.indexOf('=', start) + 1 };
  }
}

/** Where a record stands with respect to DMARC, by its owner (a canonical absolute name). */
export function dmarcPlacement(owner: string): DmarcPlacement {
  if (startsWithIgnoringCase(owner, DMARC_PREFIX)) return { kind: 'policy', domain: policyDomainOf(owner) };
  const at = reportInfixAt(owner);
  if (at < 0) return ELSEWHERE;
  if (owner.indexOf('\\') >= 0) return placementFromLabels(owner);
  const destination = owner.slice(at + REPORT_INFIX.length);
  return { kind: 'report-authorization', reportedDomain: owner.slice(0, at + 1), destination: destination === '' ? '.' : destination };
}

/** The domain of a policy record's owner `_dmarc.<domain>` (a canonical absolute name). */
export function policyDomainOf(owner: string): string {
  return owner.length === DMARC_PREFIX.length ? '.' : owner.slice(DMARC_PREFIX.length);
}

/**
 * What `dmarcPlacement` says, without building its names. A canonical name writes every label that could be
 * `_dmarc` or `_report` as it is (no octet of theirs is ever escaped), so the labels are found in the text; only
 * a name with escapes, where a `.` may be part of a label, is split into labels to be sure.
 */
export function placementKindOf(owner: string): DmarcPlacement['kind'] {
  if (startsWithIgnoringCase(owner, DMARC_PREFIX)) return 'policy';
  const at = reportInfixAt(owner);
  if (at < 0) return 'elsewhere';
  return owner.indexOf('\\') >= 0 ? placementFromLabels(owner).kind : 'report-authorization';
}

/** Where the first `._report._dmarc.` of a name starts (the dot that ends the reported domain), or -1. */
function reportInfixAt(owner: string): number {
  for (let at = owner.indexOf('._'); at >= 0; at = owner.indexOf('._', at + 1)) {
    if (owner.length - at >= REPORT_INFIX.length && equalsIgnoringCase(owner, at, REPORT_INFIX)) return at;
  }
  return -1;
}

function placementFromLabels(owner: string): DmarcPlacement {
  const lower = lowerLabels(owner);
  if (lower[0] === '_dmarc') return { kind: 'policy', domain: nameFromLabels(labelsOf(owner).slice(1)) };
  for (let i = 1; i + 1 < lower.length; i++) {
    if (lower[i] === '_report' && lower[i + 1] === '_dmarc') {
      const labels = labelsOf(owner);
      return {
        kind: 'report-authorization',
        reportedDomain: nameFromLabels(labels.slice(0, i)),
        destination: nameFromLabels(labels.slice(i + 2)),
      };
    }
  }
  return ELSEWHERE;
}

/** Parses a DMARC record's text and decides whether receivers take it as one. */
export function parseDmarcRecord(text: string): DmarcRecord {
  const tagList = parseTagList(text);
  const tags = tagList.tags.map((tag) => ({ ...tag, key: tag.name.toLowerCase() }));
  const { kind, versionProblem } = classify(text, tagList, tags);
  return { text, tagList, tags, kind, versionProblem };
}

/** The first tag with this (lower-case) name. */
export function dmarcTag(record: DmarcRecord, key: string): DmarcTag | undefined {
  return record.tags.find((tag) => tag.key === key);
}

/**
 * For each dmarc-* rule, the TXT records of a zone it may report, in zone order: a superset that the pass which
 * reads the records finds with a few tests on numbers, so a rule looks only at those, and a zone of many thousand
 * sound records costs the rules next to nothing. The records read are every TXT at a `_dmarc` name (policy or
 * report authorization) and every TXT elsewhere that starts like a DMARC record; only those some rule may report
 * are kept. A checked record is one meant as DMARC (`dmarc` or `broken-dmarc`) at a `_dmarc` name; a policy
 * record is a `dmarc` record at `_dmarc.<domain>`.
 */
export interface DmarcIndex {
  /** TXT `v=DMARC1` records outside `_dmarc` names. */
  readonly misplaced: readonly DmarcTxt[];
  /** Records at `_dmarc` names that are not DMARC at all. */
  readonly notDmarc: readonly DmarcTxt[];
  /** Every DMARC record of each name that has more than one, name by name in the order the names first appear. */
  readonly sharingName: readonly DmarcTxt[];
  /** Checked records that name one tag twice, or two tags DMARC does not define. */
  readonly repeatingTag: readonly DmarcTxt[];
  /** Checked records with `pct`, `rf` or `ri`. */
  readonly withRemovedTag: readonly DmarcTxt[];
  /** Checked records with a tag DMARC does not define. */
  readonly withUnknownTag: readonly DmarcTxt[];
  /** Checked records with a `rua` or `ruf` that is not a list of plain `mailto:` addresses. */
  readonly withUnusualReportUri: readonly DmarcTxt[];
  /** Policy records with a report URI that is not a plain address at, above or below the domain. */
  readonly reportingElsewhere: readonly DmarcTxt[];
  /** Policy records without `p`. */
  readonly withoutPolicy: readonly DmarcTxt[];
  /** Policy records without `rua`. */
  readonly withoutRua: readonly DmarcTxt[];
  /** Policy records with `p=none`. */
  readonly policyNone: readonly DmarcTxt[];
  /** Policy records with an enforcing `p` and an `sp` or `np`. */
  readonly withSubdomainPolicy: readonly DmarcTxt[];
  /**
   * Checked records the syntax rule must read: broken ones, ones with grammar slips, values that are not
   * obviously valid, and policy records whose `p` does not come second.
   */
  readonly syntaxSuspects: readonly DmarcTxt[];
}

/** A `DmarcIndex` as the builder fills it. */
type DmarcLists = { -readonly [List in keyof DmarcIndex]: DmarcTxt[] };

function emptyLists(): DmarcLists {
  return {
    misplaced: [],
    notDmarc: [],
    sharingName: [],
    repeatingTag: [],
    withRemovedTag: [],
    withUnknownTag: [],
    withUnusualReportUri: [],
    reportingElsewhere: [],
    withoutPolicy: [],
    withoutRua: [],
    policyNone: [],
    withSubdomainPolicy: [],
    syntaxSuspects: [],
  };
}

/**
 * Builds a zone's `DmarcIndex` while the zone's records are read: mailDomains.ts reads them once for the DMARC
 * index and the mail domains together, and tells the builder which records matter and which share a name.
 */
export class DmarcIndexBuilder {
  private readonly index = emptyLists();
  private readonly table = new DmarcTagTable();

  /**
   * Reads a TXT record that matters to DMARC, one at a `_dmarc` name or one elsewhere whose text starts like a
   * DMARC record (`startsLikeDmarc`), with its joined text `value`, and gives its kind. A record no rule may
   * report is judged from its scan alone and not kept: most records of a large zone are sound, and then they leave
   * neither an entry nor tags.
   */
  add(record: ResourceRecord, placementKind: DmarcPlacement['kind'], value: string): DmarcKind {
    scanTagList(value, scan);
    const kind = kindOfScan(value);
    if (placementKind === 'elsewhere') this.index.misplaced.push(this.keep({ record, value, kind, placementKind }));
    else if (kind === 'not-dmarc') this.index.notDmarc.push(this.keep({ record, value, kind, placementKind }));
    else {
      const lists = scannedLists(value, kind === 'dmarc' && placementKind === 'policy' ? record.owner : undefined, kind);
      if (lists !== 0) this.file(this.keep({ record, value, kind, placementKind }), lists);
    }
    return kind;
  }

  /**
   * The index, given the DMARC records (kind `dmarc`, at `_dmarc` names) of every name that has more than one,
   * name by name in the order the names first appear: the reader groups the records by name.
   */
  finish(sharingName: readonly DmarcTxt[]): DmarcIndex {
    this.table.trim();
    this.index.sharingName.push(...sharingName);
    return this.index;
  }

  /** The entry of the record just scanned, its tags added to the table. */
  private keep(read: { record: ResourceRecord; value: string; kind: DmarcKind; placementKind: DmarcPlacement['kind'] }): DmarcTxt {
    const firstTag = this.table.append(scan, read.value);
    const { record, value, kind, placementKind } = read;
    return new DmarcTxt({ record, value, kind, placementKind, table: this.table, firstTag, tagCount: scan.tagCount });
  }

  /** Files a checked record under the lists `scannedLists` names (its bits). */
  private file(entry: DmarcTxt, lists: number): void {
    const index = this.index;
    if ((lists & CheckedList.RepeatingTag) !== 0) index.repeatingTag.push(entry);
    if ((lists & CheckedList.WithRemovedTag) !== 0) index.withRemovedTag.push(entry);
    if ((lists & CheckedList.WithUnknownTag) !== 0) index.withUnknownTag.push(entry);
    if ((lists & CheckedList.WithUnusualReportUri) !== 0) index.withUnusualReportUri.push(entry);
    if ((lists & CheckedList.WithoutPolicy) !== 0) index.withoutPolicy.push(entry);
    if ((lists & CheckedList.WithoutRua) !== 0) index.withoutRua.push(entry);
    if ((lists & CheckedList.PolicyNone) !== 0) index.policyNone.push(entry);
    if ((lists & CheckedList.WithSubdomainPolicy) !== 0) index.withSubdomainPolicy.push(entry);
    if ((lists & CheckedList.ReportingElsewhere) !== 0) index.reportingElsewhere.push(entry);
    if ((lists & CheckedList.SyntaxSuspect) !== 0) index.syntaxSuspects.push(entry);
  }
}

/** The lists of `DmarcIndex` a checked record may go to, one bit each. */
const enum CheckedList {
  RepeatingTag = 1,
  WithRemovedTag = 2,
  WithUnknownTag = 4,
  WithUnusualReportUri = 8,
  WithoutPolicy = 16,
  WithoutRua = 32,
  PolicyNone = 64,
  WithSubdomainPolicy = 128,
  ReportingElsewhere = 256,
  SyntaxSuspect = 512,
}

/**
 * The lists a record meant as DMARC at a `_dmarc` name goes to, read from `scan` right after the record's text
 * (`value`) is scanned, before anything is built for it. `policyOwner` is the owner of a policy record, and
 * undefined for any other.
 */
function scannedLists(value: string, policyOwner: string | undefined, kind: DmarcKind): number {
  let seen = 0;
  let lists = 0;
  let reportsElsewhere = false;
  let policyIndex = -1;
  let policy: DmarcPolicy | undefined;
  let suspect = kind === 'broken-dmarc' || scannedGrammarSlip();
  for (let i = 0; i < scan.tagCount; i++) {
    const key = keyOf(value, scan.nameStart(i), scan.nameEnd(i));
    const start = scan.valueStart(i);
    const end = scan.valueEnd(i);
    if ((seen & (1 << key)) !== 0) lists |= CheckedList.RepeatingTag;
    seen |= 1 << key;
    switch (key) {
      case DmarcKey.Other:
        lists |= CheckedList.WithUnknownTag;
        break;
      case DmarcKey.Pct:
      case DmarcKey.Rf:
      case DmarcKey.Ri:
        lists |= CheckedList.WithRemovedTag;
        break;
      case DmarcKey.Rua:
      case DmarcKey.Ruf:
        switch (reportUriReach(value, { start, end }, policyOwner)) {
          case 'unusual':
            lists |= CheckedList.WithUnusualReportUri;
            reportsElsewhere = true;
            break;
          case 'elsewhere':
            reportsElsewhere = true;
            break;
          case 'own':
            break;
        }
        break;
      case DmarcKey.P:
        if (policyIndex < 0) {
          policyIndex = i;
          policy = policyWritten(value, start, end);
          if (policy === undefined) suspect = true;
        } else if (policyWritten(value, start, end) === undefined) {
          suspect = true;
        }
        break;
      case DmarcKey.Sp:
      case DmarcKey.Np:
        if (policyWritten(value, start, end) === undefined) suspect = true;
        break;
      case DmarcKey.Adkim:
      case DmarcKey.Aspf:
        if (!isOneCharOf(value, start, end, 'rs')) suspect = true;
        break;
      case DmarcKey.T:
        if (!isOneCharOf(value, start, end, 'yn')) suspect = true;
        break;
      case DmarcKey.Psd:
        if (!isOneCharOf(value, start, end, 'ynu')) suspect = true;
        break;
      case DmarcKey.Fo:
        suspect = true;
        break;
      case DmarcKey.V:
        break;
      default: {
        const unreachable: never = key;
        return unreachable;
      }
    }
  }
  if (policyOwner !== undefined) {
    if (policyIndex < 0) lists |= CheckedList.WithoutPolicy;
    else if (policyIndex !== 1) suspect = true;
    if ((seen & (1 << DmarcKey.Rua)) === 0) lists |= CheckedList.WithoutRua;
    if (policy === 'none') lists |= CheckedList.PolicyNone;
    if ((policy === 'quarantine' || policy === 'reject') && (seen & ((1 << DmarcKey.Sp) | (1 << DmarcKey.Np))) !== 0) lists |= CheckedList.WithSubdomainPolicy;
    if (reportsElsewhere) lists |= CheckedList.ReportingElsewhere;
  }
  return suspect ? lists | CheckedList.SyntaxSuspect : lists;
}

/** The policy `value[start, end)` names (case-insensitive), read in place; undefined when it names none. */
function policyWritten(value: string, start: number, end: number): DmarcPolicy | undefined {
  switch (end - start) {
    case 4:
      return equalsIgnoringCase(value, start, 'none') ? 'none' : undefined;
    case 6:
      return equalsIgnoringCase(value, start, 'reject') ? 'reject' : undefined;
    case 10:
      return equalsIgnoringCase(value, start, 'quarantine') ? 'quarantine' : undefined;
    default:
      return undefined;
  }
}

/** True when `value[start, end)` is one char of `lowerChoices`, in either case. */
function isOneCharOf(value: string, start: number, end: number, lowerChoices: string): boolean {
  return end - start === 1 && lowerChoices.indexOf(String.fromCharCode(foldAsciiCase(value.charCodeAt(start)))) >= 0;
}

/**
 * Where the URIs of a `rua` or `ruf` tag's value, `text[value.start, value.end)`, send reports: `own` when every
 * one is a plain `mailto:` address (`plainMailtoDomain`) at, above or below the domain of the policy record whose
 * owner is `policyOwner`, which needs no authorization (RFC 9990 §4); `elsewhere` when they are plain but one goes
 * to another domain (or the record is no policy record, which has no domain to compare with); `unusual` when one
 * is not plain, or there is none.
 */
function reportUriReach(text: string, value: TextRange, policyOwner: string | undefined): 'own' | 'elsewhere' | 'unusual' {
  const valueEnd = value.end;
  let start = value.start;
  if (start === valueEnd) return 'unusual';
  let reach: 'own' | 'elsewhere' = policyOwner !== undefined ? 'own' : 'elsewhere';
  // The URIs are split at commas and trimmed as `parseReportUris` splits them.
  for (;;) {
    const comma = text.indexOf(',', start);
    const end = comma < 0 || comma > valueEnd ? valueEnd : comma;
    let from = start;
    let to = end;
    while (from < to && isTagListWhitespace(text.charCodeAt(from))) from++;
    while (to > from && isTagListWhitespace(text.charCodeAt(to - 1))) to--;
    const hostStart = plainMailtoDomain(text, from, to);
    if (hostStart < 0) return 'unusual';
    if (policyOwner !== undefined && reach === 'own' && !isOwnReportHost(text, hostStart, text.charCodeAt(to - 1) === 46 ? to - 1 : to, policyOwner)) {
      reach = 'elsewhere';
    }
    if (end === valueEnd) return reach;
    start = end + 1;
  }
}

/**
 * True when a report URI's host, text[hostStart, hostEnd) (letters, digits, hyphens and dots, no final dot), is
 * the domain of a policy record's owner `_dmarc.<domain>` or a name above or below it: what `isSubdomainOf`
 * says of the two names either way round, compared in place.
 */
function isOwnReportHost(text: string, hostStart: number, hostEnd: number, owner: string): boolean {
  // The domain without its final dot; for `_dmarc.` itself the domain is the root, above every name.
  const domainStart = DMARC_PREFIX.length;
  const domainEnd = owner.length - 1;
  if (domainEnd <= domainStart) return true;
  const hostLength = hostEnd - hostStart;
  const domainLength = domainEnd - domainStart;
  if (hostLength >= domainLength) {
    const at = hostEnd - domainLength;
    return (at === hostStart || text.charCodeAt(at - 1) === 46) && sameIgnoringCase(text, at, owner, domainStart, domainLength);
  }
  // The host has no escapes, so only a label boundary of the domain that is a real dot (not `\.`) can match it.
  const at = domainEnd - hostLength;
  if (owner.charCodeAt(at - 1) !== 46) return false;
  let backslashes = 0;
  for (let i = at - 2; i >= domainStart && owner.charCodeAt(i) === 92; i--) backslashes++;
  return backslashes % 2 === 0 && sameIgnoringCase(owner, at, text, hostStart, hostLength);
}

/** True when a[aStart, aStart + length) and b[bStart, bStart + length) are equal, ASCII letters in any case. */
function sameIgnoringCase(a: string, aStart: number, b: string, bStart: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (foldAsciiCase(a.charCodeAt(aStart + i)) !== foldAsciiCase(b.charCodeAt(bStart + i))) return false;
  return true;
}

/** A TXT record parsed as DMARC on its own (the one record an edit is about); undefined for other records. */
export function dmarcTxtOf(record: ResourceRecord): DmarcTxt | undefined {
  if (record.type !== TYPE_TXT || record.data.kind !== 'txt') return undefined;
  const value = record.data.joinedValue;
  scanTagList(value, scan);
  const table = new DmarcTagTable();
  const firstTag = table.append(scan, value);
  return new DmarcTxt({ record, value, kind: kindOfScan(value), placementKind: placementKindOf(record.owner), table, firstTag, tagCount: scan.tagCount });
}

/** True when the tag list just read breaks the grammar in a way other than whitespace after its last `;`. */
function scannedGrammarSlip(): boolean {
  for (let i = 0; i < scan.problemCount; i++) if (scan.problemKind(i) !== 'trailing-whitespace') return true;
  return false;
}

/**
 * The record's kind from its scan: the usual `v=DMARC1` first is decided in place, anything else by the full
 * parse, which words the reasons a record is broken.
 */
function kindOfScan(value: string): DmarcKind {
  if (scan.tagCount > 0 && (scan.problemCount === 0 || scan.problemStart(0) > scan.nameStart(0))) {
    const start = scan.valueStart(0);
    const isVersion = scan.nameEnd(0) - scan.nameStart(0) === 1 && foldAsciiCase(value.charCodeAt(scan.nameStart(0))) === 118; /* v */
    if (isVersion && scan.valueEnd(0) - start === VERSION.length && value.startsWith(VERSION, start)) return 'dmarc';
  }
  return parseDmarcRecord(value).kind;
}

/**
 * The tags of many DMARC records, four numbers each (name start, value start, value end, key), in one growing
 * array: a typed array per record would cost more than the numbers it holds.
 */
class DmarcTagTable {
  private places: Int32Array = new Int32Array(4 * 64);
  private used = 0;

  /** Appends the tags of a scan of `text` and returns the index of the first. */
  append(tags: TagListScan, text: string): number {
    const first = this.used;
    const needed = 4 * (this.used + tags.tagCount);
    if (needed > this.places.length) {
      const bigger = new Int32Array(Math.max(needed, 2 * this.places.length));
      bigger.set(this.places);
      this.places = bigger;
    }
    for (let i = 0; i < tags.tagCount; i++) {
      const at = 4 * this.used++;
      this.places[at] = tags.nameStart(i);
      this.places[at + 1] = tags.valueStart(i);
      this.places[at + 2] = tags.valueEnd(i);
      this.places[at + 3] = keyOf(text, tags.nameStart(i), tags.nameEnd(i));
    }
    return first;
  }

  /** Gives back the room the table grew into but does not use. */
  trim(): void {
    if (4 * this.used < this.places.length) this.places = this.places.slice(0, 4 * this.used);
  }

  nameStart(tag: number): number {
    return this.places[4 * tag];
  }

  valueStart(tag: number): number {
    return this.places[4 * tag + 1];
  }

  valueEnd(tag: number): number {
    return this.places[4 * tag + 2];
  }

  key(tag: number): DmarcKey {
    return this.places[4 * tag + 3];
  }
}

/** The key of a tag name written at [start, end): its letters, folded to lower case, packed five bits each. */
function keyOf(text: string, start: number, end: number): DmarcKey {
  if (end - start > 5) return DmarcKey.Other;
  let packed = 0;
  for (let i = start; i < end; i++) {
    const letter = foldAsciiCase(text.charCodeAt(i)) - 96;
    if (letter < 1 || letter > 26) return DmarcKey.Other;
    packed = packed * 32 + letter;
  }
  return KEYS_BY_PACKED_NAME.get(packed) ?? DmarcKey.Other;
}

function packName(name: string): number {
  let packed = 0;
  for (let i = 0; i < name.length; i++) packed = packed * 32 + name.charCodeAt(i) - 96;
  return packed;
}

const KEYS_BY_PACKED_NAME: ReadonlyMap<number, DmarcKey> = new Map([
  [packName('v'), DmarcKey.V],
  [packName('p'), DmarcKey.P],
  [packName('sp'), DmarcKey.Sp],
  [packName('np'), DmarcKey.Np],
  [packName('adkim'), DmarcKey.Adkim],
  [packName('aspf'), DmarcKey.Aspf],
  [packName('fo'), DmarcKey.Fo],
  [packName('rua'), DmarcKey.Rua],
  [packName('ruf'), DmarcKey.Ruf],
  [packName('t'), DmarcKey.T],
  [packName('psd'), DmarcKey.Psd],
  [packName('pct'), DmarcKey.Pct],
  [packName('rf'), DmarcKey.Rf],
  [packName('ri'), DmarcKey.Ri],
]);

/**
 * True when a TXT record's joined text starts like a DMARC record (`v=DMARC1`, any case, blanks around the `=`,
 * and no letter or digit after it), read char by char: most TXT records of a mail zone are SPF and DKIM records,
 * and this is all that is asked of them, so it stops at their first char that differs.
 */
export function startsLikeDmarc(text: string): boolean {
  // 0: blanks before `v`; 1: blanks before `=`; 2: blanks after `=`; 3 to 8: that many chars of `dmarc1` read
  // minus 3; 9: all of it read, and the next char must not continue a word.
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const code = foldAsciiCase(text.charCodeAt(i));
    const blank = code === 32 || code === 9;
    if (state === 9) return !((code >= 48 && code <= 57) || (code >= 97 && code <= 122));
    if (state <= 2 && blank) continue;
    if (state === 0) {
      if (code !== 118 /* v */) return false;
      state = 1;
    } else if (state === 1) {
      if (code !== 61 /* = */) return false;
      state = 2;
    } else {
      if (state === 2) state = 3;
      if (code !== LOWER_VERSION.charCodeAt(state - 3)) return false;
      state++;
    }
  }
  return state === 9;
}

function foldAsciiCase(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** True when the record has a `rua` with at least one usable `mailto:` URI (RFC 9989: then a missing p means none). */
export function hasUsableRua(record: DmarcRecord): boolean {
  const rua = dmarcTag(record, 'rua');
  return rua !== undefined && parseReportUris(rua).some((uri) => uri.address !== undefined && uri.problem?.severity !== 'error');
}

/** The policy a `p`, `sp` or `np` value names (case-insensitive), or undefined when it is not one. */
export function policyOf(value: string): DmarcPolicy | undefined {
  const lower = value.toLowerCase();
  return lower === 'none' || lower === 'quarantine' || lower === 'reject' ? lower : undefined;
}

export const POLICY_STRENGTH: Readonly<Record<DmarcPolicy, number>> = { none: 0, quarantine: 1, reject: 2 };

/**
 * What is wrong with the value of a tag RFC 9989 gives a fixed syntax (`p`, `sp`, `np`, `adkim`, `aspf`, `fo`,
 * `t`, `psd`), or undefined when it is valid or the tag has no fixed syntax.
 */
export function dmarcValueProblem(tag: DmarcTag): string | undefined {
  const shown = `${tag.name}=${tag.value}`;
  if (tag.value === '' && VALUE_RULES.has(tag.key)) return `\`${tag.name}=\` has no value`;
  switch (tag.key) {
    case 'p':
      return policyOf(tag.value) === undefined
        ? `\`${shown}\` is not a policy: use none, quarantine or reject (receivers treat the record as p=none when it has a valid rua, and ignore it otherwise)`
        : undefined;
    case 'sp':
    case 'np':
      return policyOf(tag.value) === undefined
        ? `\`${shown}\` is not a policy: use none, quarantine or reject (receivers ignore it and apply ${tag.key === 'sp' ? 'p' : 'sp, or else p'})`
        : undefined;
    case 'adkim':
    case 'aspf':
      return /^[rs]$/i.test(tag.value) ? undefined : `\`${shown}\` is not an alignment mode: use r (relaxed) or s (strict)`;
    case 'fo':
      return /^[01ds](?:[ \t]*:[ \t]*[01ds])*$/i.test(tag.value)
        ? undefined
        : `\`${shown}\` is not a list of failure-report options: use 0, 1, d or s, separated by colons (fo=0:d)`;
    case 't':
      return /^[yn]$/i.test(tag.value) ? undefined : `\`${shown}\` is not a test flag: use y or n`;
    case 'psd':
      return /^[ynu]$/i.test(tag.value) ? undefined : `\`${shown}\` is not a public-suffix flag: use y, n or u`;
    default:
      return undefined;
  }
}

/** Why a removed tag's value would also be refused by an RFC 7489 receiver, or undefined when it is valid there. */
export function removedTagProblem(tag: DmarcTag): string | undefined {
  switch (tag.key) {
    case 'pct':
      return /^\d{1,3}$/.test(tag.value) && Number(tag.value) <= 100 ? undefined : 'it is not a whole number from 0 to 100';
    case 'ri':
      return /^\d{1,10}$/.test(tag.value) && Number(tag.value) <= 0xffffffff ? undefined : 'it is not a whole number of seconds';
    case 'rf': {
      const formats = tag.value.split(':').map((format) => format.trim());
      const wellFormed = formats.every((format) => /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(format));
      // RFC 7489 registered only afrf; OpenDMARC refuses a list without it.
      return wellFormed && formats.some((format) => format.toLowerCase() === 'afrf')
        ? undefined
        : 'it is not a colon-separated list of report formats that includes afrf, the only registered one';
    }
    default:
      return undefined;
  }
}

/** One URI of a `rua` or `ruf` list. */
export interface ReportUri {
  readonly text: string;
  readonly range: TextRange;
  /** The mail address when the URI is a usable `mailto:` URI. */
  readonly address: MailAddress | undefined;
  readonly problem: { readonly severity: 'error' | 'warning'; readonly message: string } | undefined;
}

export interface MailAddress {
  readonly localPart: string;
  /** Lower case, without a trailing dot. */
  readonly domain: string;
}

/** Splits a `rua`/`ruf` value at its commas and checks each URI (RFC 9989 §4.7, RFC 3986, RFC 6068). */
export function parseReportUris(tag: DmarcTag): ReportUri[] {
  if (tag.value === '') {
    return [{ text: '', range: tag.range, address: undefined, problem: { severity: 'error', message: `\`${tag.name}=\` has no URI` } }];
  }
  const uris: ReportUri[] = [];
  let start = 0;
  for (;;) {
    const comma = tag.value.indexOf(',', start);
    const end = comma < 0 ? tag.value.length : comma;
    let from = start;
    let to = end;
    while (from < to && isTagListWhitespace(tag.value.charCodeAt(from))) from++;
    while (to > from && isTagListWhitespace(tag.value.charCodeAt(to - 1))) to--;
    const range = { start: tag.valueRange.start + from, end: tag.valueRange.start + to };
    uris.push(checkReportUri(tag.value.slice(from, to), range));
    if (comma < 0) break;
    start = comma + 1;
  }
  return uris;
}

/**
 * Where the domain of a report URI written at [start, end) of `text` begins, when the URI is a plain
 * `mailto:local@domain` that `parseReportUris` takes without a problem (no size, query, escape or quoted local
 * part, a dot-atom local part and a host name); -1 for any other URI, which the full check then reads. The
 * domain runs to `end`, less one trailing dot.
 */
export function plainMailtoDomain(text: string, start: number, end: number): number {
  if (end - start <= MAILTO.length || !equalsIgnoringCase(text, start, MAILTO)) return -1;
  const localStart = start + MAILTO.length;
  const at = text.lastIndexOf('@', end - 1);
  if (at <= localStart || (text.charCodeAt(localStart) === 47 && text.charCodeAt(localStart + 1) === 47)) return -1;
  let previous = 46; /* . */
  for (let i = localStart; i < at; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 ? previous === 46 : !isPlainAtext(code)) return -1;
    previous = code;
  }
  if (previous === 46) return -1;
  const domainEnd = text.charCodeAt(end - 1) === 46 ? end - 1 : end;
  if (domainEnd - (at + 1) > 253) return -1;
  let labels = 0;
  let labelStart = at + 1;
  for (let i = at + 1; i <= domainEnd; i++) {
    if (i < domainEnd && text.charCodeAt(i) !== 46) continue;
    if (!isHostLabel(text, labelStart, i)) return -1;
    labels++;
    labelStart = i + 1;
  }
  return labels >= 2 ? at + 1 : -1;
}

/** An RFC 5322 atext char other than the three the URI check treats apart: `!` (size), `?` (query), `%` (escape). */
function isPlainAtext(code: number): boolean {
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return true;
  return PLAIN_ATEXT_SYMBOLS.indexOf(String.fromCharCode(code)) >= 0;
}

/** A host name label: 1 to 63 letters, digits and hyphens, neither first nor last a hyphen. */
function isHostLabel(text: string, start: number, end: number): boolean {
  if (end <= start || end - start > 63 || text.charCodeAt(start) === 45 || text.charCodeAt(end - 1) === 45) return false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 45)) return false;
  }
  return true;
}

const MAILTO = 'mailto:';
const PLAIN_ATEXT_SYMBOLS = "#$&'*+/=^_`{|}~-";

const VALUE_RULES: ReadonlySet<string> = new Set(['p', 'sp', 'np', 'adkim', 'aspf', 'fo', 't', 'psd']);

/** Tags only DMARC uses: a record with one of them but no proper version tag was meant as DMARC. */
const DMARC_ONLY_TAGS: ReadonlySet<string> = new Set(['p', 'sp', 'np', 'adkim', 'aspf', 'fo', 'rua', 'ruf', 'psd', 'pct', 'rf', 'ri']);

/** Version values of other TXT-based protocols that people paste at `_dmarc` names by mistake. */
const OTHER_PROTOCOL_VERSION = /^(?:spf1|spf2\.0|dkim1|stsv1|tlsrptv1|bimi1)\b/i;

function classify(text: string, tagList: TagList, tags: readonly DmarcTag[]): Pick<DmarcRecord, 'kind' | 'versionProblem'> {
  if (text.trim() === '') {
    return broken('the record is empty: receivers ignore it (a DMARC record starts with v=DMARC1)', { start: 0, end: text.length });
  }
  const first = tags[0];
  const firstProblem = tagList.problems[0];
  const versionFirst = first !== undefined && first.key === 'v' && (firstProblem === undefined || firstProblem.range.start > first.range.start);
  if (versionFirst) {
    if (first.value === 'DMARC1') return { kind: 'dmarc', versionProblem: undefined };
    if (/^DMARC1[ \t]/i.test(first.value)) {
      return broken(`a \`;\` is missing after v=DMARC1: the version reads \`${first.value}\`, so receivers ignore the record`, first.range);
    }
    if (first.value.toLowerCase() === 'dmarc1') {
      return broken(`the version is case-sensitive: write v=DMARC1, not v=${first.value} (receivers ignore this record)`, first.valueRange);
    }
    if (OTHER_PROTOCOL_VERSION.test(first.value)) return { kind: 'not-dmarc', versionProblem: undefined };
    return broken(`\`${first.name}=${first.value}\` is not the DMARC version: receivers ignore a record that does not start with v=DMARC1`, first.range);
  }
  const version = tags.find((tag) => tag.key === 'v' && tag.value.toLowerCase() === 'dmarc1');
  if (version !== undefined) return broken('v=DMARC1 must be the first tag: receivers ignore this record', version.range);
  if (tags.some((tag) => DMARC_ONLY_TAGS.has(tag.key))) {
    return broken('the record does not start with v=DMARC1: receivers ignore it', { start: 0, end: Math.min(text.length, tags[0]?.range.end ?? text.length) });
  }
  return { kind: 'not-dmarc', versionProblem: undefined };
}

function broken(message: string, range: TextRange): Pick<DmarcRecord, 'kind' | 'versionProblem'> {
  return { kind: 'broken-dmarc', versionProblem: { message, range } };
}

function checkReportUri(text: string, range: TextRange): ReportUri {
  const fail = (message: string): ReportUri => ({ text, range, address: undefined, problem: { severity: 'error', message } });
  if (text === '') return fail('an empty entry in the URI list (two commas, or a comma at an end)');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text);
  if (scheme === null) return fail(`\`${text}\` is not a URI: write mailto:address@example.com`);
  if (scheme[1].toLowerCase() !== 'mailto') {
    return fail(`\`${scheme[1]}:\` URIs are not used for reports: receivers only send reports by mail, so write mailto:address@example.com`);
  }
  let rest = text.slice(scheme[0].length);
  let sizeWarning: string | undefined;
  const bang = rest.indexOf('!');
  if (bang >= 0) {
    const size = rest.slice(bang + 1);
    const match = /^(\d+)([kmgt]?)$/i.exec(size);
    if (match === null || BigInt(match[1]) > 0xffffffffffffffffn) {
      return fail(`\`!${size}\` is not a size limit (RFC 7489 allowed !<number>[k|m|g|t]; RFC 9989 removed the suffix, so drop it)`);
    }
    sizeWarning = `the size limit \`!${size}\` is obsolete: RFC 9989 removed it and receivers ignore it; drop it`;
    rest = rest.slice(0, bang);
  }
  const query = rest.indexOf('?');
  if (query >= 0) rest = rest.slice(0, query);
  if (rest.startsWith('//')) return fail(`\`${text}\` is not a mail address: write mailto:user@domain, without //`);
  const decoded = percentDecode(rest);
  if (decoded === undefined) return fail(`\`${text}\` has a bad percent escape`);
  const address = parseAddress(decoded);
  if (typeof address === 'string') return fail(`\`${text}\`: ${address}`);
  return { text, range, address, problem: sizeWarning === undefined ? undefined : { severity: 'warning', message: sizeWarning } };
}

function percentDecode(text: string): string | undefined {
  if (text.indexOf('%') < 0) return text;
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) return undefined;
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Checks an addr-spec (RFC 5322 §3.4.1, ASCII only); returns the reason when it is not one. */
function parseAddress(text: string): MailAddress | string {
  const at = text.lastIndexOf('@');
  if (at < 0) return 'the address has no @';
  const localPart = text.slice(0, at);
  const domain = text.slice(at + 1).replace(/\.$/, '');
  if (localPart === '') return 'the address has nothing before the @';
  const quoted = /^"(?:[^"\\\r\n]|\\.)*"$/.test(localPart);
  if (!quoted && !/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/.test(localPart)) {
    return `\`${localPart}\` is not a valid local part`;
  }
  if (domain === '') return 'the address has no domain after the @';
  if (/^\[[^\][\\]*\]$/.test(domain)) return { localPart, domain };
  const labels = domain.split('.');
  if (labels.length < 2 || domain.length > 253 || !labels.every((label) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label))) {
    return `\`${domain}\` is not a mail domain`;
  }
  return { localPart, domain: domain.toLowerCase() };
}

/** The scan every record is read with, reused: a record keeps only the numbers it needs from it. */
const scan = new TagListScan();
const ELSEWHERE: DmarcPlacement = { kind: 'elsewhere' };
const DMARC_PREFIX = '_dmarc.';
const REPORT_INFIX = '._report._dmarc.';
const VERSION = 'DMARC1';
const LOWER_VERSION = 'dmarc1';

