// Static, worst-case accounting of the DNS lookups an SPF record costs, for the linter. Every term a receiver
// might evaluate is assumed to be reached (mechanisms up to the first `all`, and `redirect` when there is no
// `all`); include and redirect targets are looked up through the Resolver and counted in turn. The result is a
// tree saying, per term, what it costs, whether its lookup is void and who answered, so hovers can show it.

import type { Location } from '../../types';
import { resolverForOneRecord } from '../../workspace/resolver';
import type { Resolver } from '../../workspace/view';
import type { ResourceRecord, Zone } from '../../zone/model';
import type { RecordText } from '../recordText';
import { textLocation, txtRecordText } from '../txtRecords';
import { fromLookupName, withoutRootDot } from './names';
import type { DomainSpec, ParsedSpf, Term, TextRange } from './parse';
import { constantText, isMechanism, isSpfRecordText, parseSpf } from './parse';
import type { QueryOutcome } from './query';
import { queryRecords, txtTexts, TYPE_A, TYPE_AAAA, TYPE_MX, TYPE_TXT } from './query';

/** An SPF record the analysis read: from a workspace zone (with its place in the source) or from DNS. */
export interface SpfSource {
  /** The record's domain as plain text without the root dot: its `%{d}`. */
  readonly domain: string;
  readonly text: string;
  readonly parsed: ParsedSpf;
  /** Set when the record was found in a workspace zone. */
  readonly zone?: { readonly record: ResourceRecord; readonly text: RecordText };
}

/**
 * Who answered a term's lookup. `not-looked-up`: the name depends on the message (macros) or on the connecting
 * address (`ptr`), so it counts but is not asked; `no-lookup`: the term needs no DNS (`all`, `ip4`, `ip6`).
 */
export type AnsweredBy = 'zone' | 'dns' | 'unresolved' | 'error' | 'not-looked-up' | 'no-lookup';

/** What an `include:` or `redirect=` leads to. */
export type TargetOutcome =
  | { readonly kind: 'record'; readonly record: RecordCost }
  | { readonly kind: 'no-record'; readonly domain: string; readonly nxdomain: boolean }
  | { readonly kind: 'multiple'; readonly domain: string; readonly count: number }
  | { readonly kind: 'broken'; readonly domain: string; readonly source: SpfSource }
  /** The target is already being evaluated further up: `chain` runs from the root domain to the repeat. */
  | { readonly kind: 'loop'; readonly domain: string; readonly chain: readonly string[] }
  | { readonly kind: 'unresolved'; readonly domain: string; readonly reason: string; readonly dnsError: boolean }
  | { readonly kind: 'macro' }
  /** The analysis stopped following targets (too many records read for one check). */
  | { readonly kind: 'not-followed'; readonly domain: string };

export interface TermCost {
  readonly term: Term;
  /** 1 for a DNS-querying term (include, a, mx, ptr, exists, redirect), else 0. */
  readonly cost: 0 | 1;
  /** This term's cost plus everything its target costs. */
  readonly total: number;
  /** Void lookups of this term and its target. */
  readonly voidLookups: number;
  readonly answeredBy: AnsweredBy;
  /** The term's own lookup found nothing (NXDOMAIN or no records of the type). */
  readonly isVoid: boolean;
  /** For `a`, `mx` and `exists`: the name looked up. */
  readonly lookedUp?: string;
  /** For `mx`: the exchanges the receiver must look up. */
  readonly names?: number;
  /** For `include` and `redirect`. */
  readonly target?: TargetOutcome;
  /** Why the term was counted without a lookup, for hovers. */
  readonly note?: string;
}

export interface RecordCost {
  readonly source: SpfSource;
  /** The terms a receiver may evaluate, in order. */
  readonly terms: readonly TermCost[];
  readonly total: number;
  readonly voidLookups: number;
}

export interface SpfLookupAnalysis {
  readonly root: RecordCost;
  /** Worst-case DNS-querying terms through every include and redirect. */
  readonly lookups: number;
  readonly voidLookups: number;
  /** False when a target was unresolved, depends on macros or was not followed: the counts are lower bounds. */
  readonly complete: boolean;
}

/** One term of the tree with the include/redirect terms that lead to its record, root first. */
export interface TermVisit {
  readonly cost: TermCost;
  readonly record: RecordCost;
  readonly path: readonly TermCost[];
}

/** The most SPF records one analysis reads, so a wide include tree in DNS cannot make linting slow. */
export const MAX_RECORDS_READ = 40;

/**
 * Counts the lookups of one record, reading include and redirect targets through `resolver` and asking each
 * question once. Names built from macros are never asked: they depend on the message, which a linter lacks.
 */
export async function analyzeLookups(options: { readonly source: SpfSource; readonly resolver: Resolver }): Promise<SpfLookupAnalysis> {
  const analyzer = new Analyzer(options.resolver);
  const root = await analyzer.record(options.source, [options.source.domain.toLowerCase()]);
  return { root, lookups: root.total, voidLookups: root.voidLookups, complete: analyzer.complete };
}

/** Every evaluated term of the tree, depth first in evaluation order. */
export function* walkTerms(root: RecordCost, path: readonly TermCost[] = []): Generator<TermVisit> {
  for (const cost of root.terms) {
    yield { cost, record: root, path };
    if (cost.target?.kind === 'record') yield* walkTerms(cost.target.record, [...path, cost]);
  }
}

/** Where a term (or any range of the record text) stands in the workspace, when its record comes from a zone. */
export function termLocation(source: SpfSource, range: TextRange): Location | undefined {
  return source.zone === undefined ? undefined : textLocation(source.zone.record, source.zone.text, range);
}

/** The terms a receiver may reach: mechanisms up to the first `all`, then `redirect` unless there is an `all`. */
export function evaluatedTerms(parsed: ParsedSpf): Term[] {
  const reached: Term[] = [];
  let hasAll = false;
  for (const term of parsed.terms) {
    if (!isMechanism(term)) continue;
    reached.push(term);
    if (term.kind === 'all') {
      hasAll = true;
      break;
    }
  }
  const redirect = parsed.terms.find((term) => term.kind === 'redirect');
  if (!hasAll && redirect !== undefined) reached.push(redirect);
  return reached;
}

/**
 * Analyses are cached per resolver and record, because six rules ask for the same one. An entry holds only while
 * the workspace has the same zones: a record's cost depends on other zones, which change without it.
 */
const analysisCache = new WeakMap<Resolver, WeakMap<ResourceRecord, { zones: readonly Zone[]; analysis: Promise<SpfLookupAnalysis> }>>();

/**
 * The analysis of a record found in a zone of `workspace`, computed once while the workspace stays the same. Its
 * lookups go through the resolver's view for one record, which holds them to the DNS query budget.
 */
export function analyzeZoneRecord(
  workspace: { readonly resolver: Resolver; readonly zones: readonly Zone[] },
  source: SpfSource & { readonly zone: { readonly record: ResourceRecord } },
): Promise<SpfLookupAnalysis> {
  const resolver = workspace.resolver;
  const zones = workspace.zones;
  let perRecord = analysisCache.get(resolver);
  if (perRecord === undefined) {
    perRecord = new WeakMap();
    analysisCache.set(resolver, perRecord);
  }
  const entry = perRecord.get(source.zone.record);
  if (entry !== undefined && sameZones(entry.zones, zones)) return entry.analysis;
  const analysis = analyzeLookups({ source, resolver: resolverForOneRecord(resolver) });
  perRecord.set(source.zone.record, { zones, analysis });
  return analysis;
}

function sameZones(a: readonly Zone[], b: readonly Zone[]): boolean {
  return a.length === b.length && a.every((zone, index) => zone === b[index]);
}

const MACRO_NOTE = 'the name depends on the message (macros): counted, not looked up';
const PTR_NOTE = 'the names depend on the connecting address: counted, not looked up';

class Analyzer {
  complete = true;
  private recordsRead = 0;
  /** Answers already asked for, by `name/type`. */
  private readonly answers = new Map<string, Promise<QueryOutcome>>();

  constructor(private readonly resolver: Resolver) {}

  async record(source: SpfSource, chain: readonly string[]): Promise<RecordCost> {
    const terms: TermCost[] = [];
    for (const term of evaluatedTerms(source.parsed)) terms.push(await this.term(term, source, chain));
    return {
      source,
      terms,
      total: terms.reduce((sum, term) => sum + term.total, 0),
      voidLookups: terms.reduce((sum, term) => sum + term.voidLookups, 0),
    };
  }

  private async term(term: Term, source: SpfSource, chain: readonly string[]): Promise<TermCost> {
    switch (term.kind) {
      case 'all':
      case 'ip4':
      case 'ip6':
      case 'exp':
      case 'unknown-modifier':
        return { term, cost: 0, total: 0, voidLookups: 0, answeredBy: 'no-lookup', isVoid: false };
      case 'ptr':
        return { term, cost: 1, total: 1, voidLookups: 0, answeredBy: 'not-looked-up', isVoid: false, note: PTR_NOTE };
      case 'a':
      case 'mx':
      case 'exists': {
        const target = targetDomain(term.domain, source.domain);
        if (target === undefined) return { term, cost: 1, total: 1, voidLookups: 0, answeredBy: 'not-looked-up', isVoid: false, note: MACRO_NOTE };
        return this.hostTerm(term, target);
      }
      case 'include':
      case 'redirect': {
        const { target, answeredBy } = await this.follow(term.domain, chain);
        const inner = target.kind === 'record' ? target.record : undefined;
        return {
          term,
          cost: 1,
          total: 1 + (inner?.total ?? 0),
          voidLookups: inner?.voidLookups ?? 0,
          answeredBy,
          isVoid: false,
          target,
          ...(target.kind === 'macro' ? { note: MACRO_NOTE } : {}),
        };
      }
      default: {
        const unreachable: never = term;
        return unreachable;
      }
    }
  }

  /** `a`, `mx` and `exists`: one lookup each, void when the name has nothing to offer. */
  private async hostTerm(term: Term & { kind: 'a' | 'mx' | 'exists' }, target: string): Promise<TermCost> {
    const base = { term, cost: 1 as const, total: 1, lookedUp: target };
    // `a` asks for A or AAAA depending on the client; statically it is void only when the name has neither.
    const types = term.kind === 'a' ? [TYPE_A, TYPE_AAAA] : term.kind === 'mx' ? [TYPE_MX] : [TYPE_A];
    const outcomes = await Promise.all(types.map((type) => this.query(target, type)));
    const failure = outcomes.find((outcome) => outcome.kind === 'error');
    if (failure !== undefined && failure.kind === 'error') {
      this.complete = false;
      return { ...base, voidLookups: 0, answeredBy: failure.unresolved ? 'unresolved' : 'error', isVoid: false, note: failure.reason };
    }
    const first = outcomes[0];
    const answeredBy: AnsweredBy = first.kind === 'error' ? 'error' : first.source;
    const isVoid = outcomes.every((outcome) => outcome.kind === 'empty');
    if (term.kind === 'mx' && first.kind === 'records') {
      const names = first.records.filter((record) => fromLookupName(record.target ?? '.') !== '').length;
      return { ...base, voidLookups: 0, answeredBy, isVoid: false, names };
    }
    return { ...base, voidLookups: isVoid ? 1 : 0, answeredBy, isVoid };
  }

  private async follow(spec: DomainSpec, chain: readonly string[]): Promise<{ target: TargetOutcome; answeredBy: AnsweredBy }> {
    const constant = constantText(spec);
    if (constant === undefined) {
      this.complete = false;
      return { target: { kind: 'macro' }, answeredBy: 'not-looked-up' };
    }
    const domain = withoutRootDot(constant);
    const key = domain.toLowerCase();
    if (chain.includes(key)) return { target: { kind: 'loop', domain, chain: [...chain, key] }, answeredBy: 'not-looked-up' };
    if (this.recordsRead >= MAX_RECORDS_READ) {
      this.complete = false;
      return { target: { kind: 'not-followed', domain }, answeredBy: 'not-looked-up' };
    }
    this.recordsRead++;
    const answer = await this.query(domain, TYPE_TXT);
    if (answer.kind === 'error') {
      this.complete = false;
      return { target: { kind: 'unresolved', domain, reason: answer.reason, dnsError: !answer.unresolved }, answeredBy: answer.unresolved ? 'unresolved' : 'error' };
    }
    return { target: await this.targetRecord(answer, domain, chain), answeredBy: answer.source };
  }

  private async targetRecord(answer: QueryOutcome & { kind: 'records' | 'empty' }, domain: string, chain: readonly string[]): Promise<TargetOutcome> {
    if (answer.kind === 'empty') return { kind: 'no-record', domain, nxdomain: answer.nxdomain };
    const texts = txtTexts(answer.records);
    const spfIndexes = texts.flatMap((text, index) => (isSpfRecordText(text) ? [index] : []));
    if (spfIndexes.length === 0) return { kind: 'no-record', domain, nxdomain: false };
    if (spfIndexes.length > 1) return { kind: 'multiple', domain, count: spfIndexes.length };
    const text = texts[spfIndexes[0]];
    const zoneRecord = answer.records[spfIndexes[0]].record;
    const zoneText = zoneRecord === undefined ? undefined : txtRecordText(zoneRecord);
    const source: SpfSource =
      zoneRecord === undefined || zoneText === undefined
        ? { domain, text, parsed: parseSpf(text) }
        : { domain, text, parsed: parsedZoneRecord(zoneRecord, text), zone: { record: zoneRecord, text: zoneText } };
    if (source.parsed.errors.length > 0) return { kind: 'broken', domain, source };
    return { kind: 'record', record: await this.record(source, [...chain, domain.toLowerCase()]) };
  }

  private query(domain: string, type: number): Promise<QueryOutcome> {
    const key = `${domain.toLowerCase()}/${type}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = queryRecords(this.resolver, domain, type);
      this.answers.set(key, answer);
    }
    return answer;
  }
}

/** Parses of zone records reached as include targets: a shared include is read by every record that uses it. */
const zoneRecordParses = new WeakMap<ResourceRecord, ParsedSpf>();

function parsedZoneRecord(record: ResourceRecord, text: string): ParsedSpf {
  let parsed = zoneRecordParses.get(record);
  if (parsed === undefined) {
    parsed = parseSpf(text);
    zoneRecordParses.set(record, parsed);
  }
  return parsed;
}

/** The name an a/mx/exists term asks about: its domain-spec or the record's own domain; undefined with macros. */
function targetDomain(spec: DomainSpec | undefined, domain: string): string | undefined {
  if (spec === undefined) return domain;
  const constant = constantText(spec);
  return constant === undefined ? undefined : withoutRootDot(constant);
}
