// The SPF records of a zone, found and parsed once per zone and shared by every spf-* rule, their lookup analyses
// per workspace state, and where a place in a record's text is in the source.

import type { Location } from '../../types';
import { WorkspaceResolver } from '../../workspace/resolver';
import type { Resolver } from '../../workspace/view';
import type { ResourceRecord, Zone } from '../../zone/model';
import { ownerIndex } from '../../zone/model';
import type { TxtData } from '../../zone/rdata/txt';
import type { CharString } from '../../zone/rdata/types';
import type { RecordText } from '../recordText';
import { zoneMail } from '../mailDomains';
import { joinStrings } from '../recordText';
import { isSpfText, recordTextOf, startsWithIgnoringCase, textLocation } from '../txtRecords';
import type { LookupTotals, SpfLookupAnalysis, SpfSource, TermVisit } from './lookups';
import { WorkspaceLookups } from './lookups';
import { plainName } from './names';
import type { ParsedSpf, TextRange } from './parse';
import { parseSpf } from './parse';

const TYPE_SPF = 99;

/** A TXT-style record of the zone (TXT, or the retired SPF type) with its strings joined. */
export interface ZoneTxtRecord {
  readonly record: ResourceRecord;
  readonly text: RecordText;
}

/** An SPF record written in the zone: a TXT record whose text starts with `v=spf1` and a space or the end. */
export interface ZoneSpfRecord extends SpfSource {
  readonly record: ResourceRecord;
  /** The length of the joined text in octets, known without joining it again. */
  readonly textLength: number;
  /** The record's data: how many strings it has, and the strings themselves (built when read). */
  readonly txt: TxtData;
  /** The record's character-strings, read through `txt` (built anew on each read when it keeps only their places). */
  readonly strings: readonly CharString[];
  /** The record with its joined text, built when asked for (to report or edit), not kept. */
  readonly zone: ZoneTxtRecord;
}

/** The zone's SPF records (TXT only: receivers ignore type 99), parsed, in zone order. */
export function spfRecordsOf(zone: Zone): readonly ZoneSpfRecord[] {
  return cached(zone).spf;
}

/**
 * The zone's TXT records whose text starts with `v=spf1` but that are not SPF records, because a character other
 * than a space follows (`v=spf1a`, `v=spf10`), in zone order.
 */
export function nearSpfRecordsOf(zone: Zone): readonly ZoneTxtRecord[] {
  return cached(zone).nearSpf;
}

/** The zone's TXT records whose text starts with `spf2.0/` (Sender ID), in zone order. */
export function senderIdRecordsOf(zone: Zone): readonly ZoneTxtRecord[] {
  return cached(zone).senderId;
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

/** One SPF record that parsed cleanly, with the totals of its lookup analysis and, when asked for, the whole tree. */
export interface AnalyzedSpfRecord {
  readonly spf: ZoneSpfRecord;
  readonly lookups: number;
  readonly voidLookups: number;
  readonly complete: boolean;
  /** `TREE_MARKS` bits: a rule reads `analysis` only when the tree holds a term of its kind. */
  readonly marks: number;
  readonly analysis: SpfLookupAnalysis;
}

/**
 * The lookup analysis of each SPF record that parsed cleanly (a record with a syntax error is already a
 * permerror, reported by spf-syntax), in zone order. Computed once per zone and workspace state, so the rules
 * that need it share one pass.
 */
export function analyzedSpfRecords(zone: Zone, workspace: { readonly resolver: Resolver; readonly zones: readonly Zone[] }): Promise<readonly AnalyzedSpfRecord[]> {
  const resolver = workspace.resolver;
  const zones = workspace.zones;
  let state = analysisStates.get(resolver);
  if (state === undefined || !sameZones(state.zones, zones)) {
    state = { zones, perZone: new WeakMap() };
    analysisStates.set(resolver, state);
  }
  let analyses = state.perZone.get(zone);
  if (analyses === undefined) {
    analyses = analyzeZone(zone, resolver);
    state.perZone.set(zone, analyses);
  }
  return analyses;
}

/** The lookup analysis of one SPF record of a zone, from the same cache; undefined for a record with syntax errors. */
export async function analysisOf(zone: Zone, workspace: { readonly resolver: Resolver; readonly zones: readonly Zone[] }, spf: ZoneSpfRecord): Promise<SpfLookupAnalysis | undefined> {
  return (await analyzedSpfRecords(zone, workspace)).find((analyzed) => analyzed.spf === spf)?.analysis;
}

/**
 * Analyses per resolver, kept while the workspace has the same zones (a record's cost depends on other zones,
 * which change without it), then per zone.
 */
const analysisStates = new WeakMap<Resolver, { readonly zones: readonly Zone[]; readonly perZone: WeakMap<Zone, Promise<readonly AnalyzedSpfRecord[]>> }>();

function sameZones(a: readonly Zone[], b: readonly Zone[]): boolean {
  return a === b || (a.length === b.length && a.every((zone, index) => zone === b[index]));
}

async function analyzeZone(zone: Zone, resolver: Resolver): Promise<readonly AnalyzedSpfRecord[]> {
  // Every record is analysed against the zones of this moment, so trees rebuilt later see the same answers.
  const pinned = resolver instanceof WorkspaceResolver;
  const workspaceLookups = new WorkspaceLookups(pinned ? resolver.pinned() : resolver);
  const analyses: Array<AnalyzedSpfRecord | Promise<AnalyzedSpfRecord>> = [];
  for (const spf of spfRecordsOf(zone)) {
    if (spf.parsed.errors.length > 0) continue;
    // Most records of a zone are answered by the zone itself: their totals are counted without building a tree.
    const totals = pinned ? workspaceLookups.zoneTotals(spf, zone) : undefined;
    if (totals !== undefined) {
      analyses.push(new RecordAnalysis({ spf, totals, kept: undefined, workspaceLookups }));
      continue;
    }
    const analysis = workspaceLookups.analyze(spf);
    // A tree the zones alone gave can be given again at once, so only its totals are kept; one that needed DNS
    // is kept whole, since asking again could give other answers.
    if (analysis instanceof Promise) analyses.push(analysis.then((settled) => new RecordAnalysis({ spf, totals: settled, kept: settled, workspaceLookups })));
    else analyses.push(new RecordAnalysis({ spf, totals: analysis, kept: pinned ? undefined : analysis, workspaceLookups }));
  }
  return allSettled(analyses) ? analyses : Promise.all(analyses);
}

function allSettled<T>(values: ReadonlyArray<T | Promise<T>>): values is readonly T[] {
  return values.every((value) => !(value instanceof Promise));
}

class RecordAnalysis implements AnalyzedSpfRecord {
  readonly spf: ZoneSpfRecord;
  readonly lookups: number;
  readonly voidLookups: number;
  readonly complete: boolean;
  readonly marks: number;
  /** The tree, when it cannot be rebuilt without waiting for DNS. */
  private readonly kept: SpfLookupAnalysis | undefined;
  private readonly workspaceLookups: WorkspaceLookups;

  constructor(options: { readonly spf: ZoneSpfRecord; readonly totals: LookupTotals; readonly kept: SpfLookupAnalysis | undefined; readonly workspaceLookups: WorkspaceLookups }) {
    const { spf, totals } = options;
    this.spf = spf;
    this.lookups = totals.lookups;
    this.voidLookups = totals.voidLookups;
    this.complete = totals.complete;
    this.marks = totals.marks;
    this.kept = options.kept;
    this.workspaceLookups = options.workspaceLookups;
  }

  get analysis(): SpfLookupAnalysis {
    if (this.kept !== undefined) return this.kept;
    const rebuilt = this.workspaceLookups.analyze(this.spf);
    // The totals needed no DNS and the pinned zones have not changed, so neither does the tree.
    if (rebuilt instanceof Promise) throw new Error(`the lookup analysis of the SPF record at ${this.spf.record.owner} needed DNS when rebuilt`);
    return rebuilt;
  }
}

/** An SPF record of a zone: the record and its parse; the rest is derived when asked for, to keep the cache small. */
class ZoneSpf implements ZoneSpfRecord {
  constructor(
    readonly record: ResourceRecord,
    readonly parsed: ParsedSpf,
    readonly textLength: number,
    readonly txt: TxtData,
  ) {}

  get strings(): readonly CharString[] {
    return this.txt.strings;
  }

  get domain(): string {
    return plainName(this.record.owner);
  }

  get text(): string {
    return this.zone.text.text;
  }

  get zone(): ZoneTxtRecord {
    return { record: this.record, text: recordTextOf(this.record) };
  }
}

interface ZoneRecords {
  readonly spf: readonly ZoneSpfRecord[];
  readonly nearSpf: readonly ZoneTxtRecord[];
  readonly senderId: readonly ZoneTxtRecord[];
  readonly spfType: readonly ZoneTxtRecord[];
}

/**
 * Per zone: a few dozen bytes per SPF record (the record and a parse shared by every record of the same text)
 * and the rare near-SPF, Sender ID and type-99 records. The zone's records never change, so neither does this.
 */
const perZone = new WeakMap<Zone, ZoneRecords>();

function cached(zone: Zone): ZoneRecords {
  let found = perZone.get(zone);
  if (found === undefined) {
    found = collect(zone);
    perZone.set(zone, found);
  }
  return found;
}

/** The lists of `ZoneRecords` while `collect` fills them, with the parses of the texts met so far. */
interface Collecting {
  readonly spf: ZoneSpfRecord[];
  readonly nearSpf: ZoneTxtRecord[];
  readonly senderId: ZoneTxtRecord[];
  readonly spfType: ZoneTxtRecord[];
  /** Records of one text share one parse: a hosting zone repeats the same record for thousands of domains. */
  readonly parses: Map<string, ParsedSpf>;
}

function collect(zone: Zone): ZoneRecords {
  const lists: Collecting = { spf: [], nearSpf: [], senderId: [], spfType: [], parses: new Map() };
  // The mail pass, which reads every TXT record's text once, lists the TXT records that start like SPF or Sender
  // ID: the DKIM, DMARC and other TXT records of a large zone are then not reached again here.
  const candidates = zoneMail(zone).spfCandidates;
  for (let i = 0; i < candidates.length; i++) {
    const record = candidates[i];
    const data = record.data;
    if (data.kind !== 'txt') continue;
    // Most SPF records are told by `v=spf1 ` in their first string, and joined only when they have several.
    const first = data.firstValue;
    if (first.startsWith('v=spf1 ')) addSpf(lists, record, data, data.count === 1 ? first : data.joinedValue);
    else sortRecord(lists, record, data);
  }
  // Records of the retired SPF type are few, and the owner index chains them.
  const index = ownerIndex(zone);
  for (let at = index.firstOfType[TYPE_SPF]; at >= 0; at = index.nextOfType[at]) {
    const record = zone.records[at];
    if (record.data.kind === 'txt') sortRecord(lists, record, record.data);
  }
  return { spf: lists.spf, nearSpf: lists.nearSpf, senderId: lists.senderId, spfType: lists.spfType };
}

/** Puts a record of the retired SPF type, or a TXT record that may start like one of the lists, in its list. */
function sortRecord(lists: Collecting, record: ResourceRecord, data: TxtData): void {
  if (record.type === TYPE_SPF) {
    lists.spfType.push({ record, text: joinStrings(data.strings) });
    return;
  }
  const text = data.joinedValue;
  if (isSpfText(text)) addSpf(lists, record, data, text);
  else if (startsWithIgnoringCase(text, 'v=spf1')) lists.nearSpf.push({ record, text: joinStrings(data.strings) });
  else if (startsWithIgnoringCase(text, 'spf2.0/')) lists.senderId.push({ record, text: joinStrings(data.strings) });
}

function addSpf(lists: Collecting, record: ResourceRecord, data: TxtData, text: string): void {
  let parsed = lists.parses.get(text);
  if (parsed === undefined) {
    parsed = parseSpf(text);
    lists.parses.set(text, parsed);
  }
  lists.spf.push(new ZoneSpf(record, parsed, text.length, data));
}
