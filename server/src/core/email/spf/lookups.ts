// Static, worst-case accounting of the DNS lookups an SPF record costs, for the linter. Every term a receiver
// might evaluate is assumed to be reached (mechanisms up to the first `all`, and `redirect` when there is no
// `all`); include and redirect targets are looked up through the Resolver and counted in turn. The result is a
// tree saying, per term, what it costs, whether its lookup is void and who answered, so hovers can show it.

import type { Location } from '../../types';
import { resolverForOneRecord, WorkspaceResolver } from '../../workspace/resolver';
import type { LookupAnswer, Resolver } from '../../workspace/view';
import { answerTarget } from '../../workspace/view';
import type { ResourceRecord, Zone } from '../../zone/model';
import { recordsAt } from '../../zone/model';
import { isSubdomainOf, ROOT } from '../../zone/names';
import type { RecordText } from '../recordText';
import { textLocation, txtRecordText } from '../txtRecords';
import { isRootName, plainName, withoutRootDot } from './names';
import type { DomainSpec, ParsedSpf, Term, TextRange } from './parse';
import { constantText, isSpfRecordText, parseSpf } from './parse';
import { MAX_MX_NAMES } from './evaluate';
import type { HostName, QueryOutcome } from './query';
import { hostName, ownerHostName, queryNow, txtTexts, TYPE_A, TYPE_AAAA, TYPE_CNAME, TYPE_MX, TYPE_TXT } from './query';

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

/** What an analysis says of a record as a whole, without its tree. */
export interface LookupTotals {
  /** Worst-case DNS-querying terms through every include and redirect. */
  readonly lookups: number;
  readonly voidLookups: number;
  /** False when a target was unresolved, depends on macros or was not followed: the counts are lower bounds. */
  readonly complete: boolean;
  /** The kinds of term the tree holds that rules report (`TREE_MARKS` bits), so a rule walks only trees with its kind. */
  readonly marks: number;
}

export interface SpfLookupAnalysis extends LookupTotals {
  readonly root: RecordCost;
}

/**
 * Bits of `SpfLookupAnalysis.marks`. A mark says the tree may hold such a term: the rules look at the tree for the
 * exact ones, and skip the trees without their mark, which on a large zone are nearly all.
 */
export const TREE_MARKS = {
  /** An include or redirect whose target has no SPF record, several, or a broken one. */
  unusableTarget: 1,
  loop: 2,
  /** A lookup nobody could answer, or a DNS failure. */
  unresolved: 4,
  /** An `mx` term whose domain has more MX names than receivers look up. */
  manyMxNames: 8,
} as const;

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
  const analyzer = new Analyzer(options.resolver, undefined, false);
  return analyzer.analysis(await analyzer.record(options.source, [options.source.domain.toLowerCase()]));
}

/**
 * Analyses of the records found in workspace zones, through one resolver. Each record's DNS lookups go through
 * the resolver's view for one record, which holds them to the DNS query budget. Answers from the zones come
 * without waiting, and a target the zones alone answer is analysed once per workspace state and shared by every
 * record that includes it, so an analysis is a promise only when DNS had to be asked.
 */
export class WorkspaceLookups {
  private readonly shared: SharedTargets | undefined;
  private readonly counter: ZoneTotalsCounter | undefined;

  constructor(private readonly resolver: Resolver) {
    this.shared = sharedTargetsOf(resolver);
    this.counter = resolver instanceof WorkspaceResolver && this.shared !== undefined ? new ZoneTotalsCounter(resolver, this.shared) : undefined;
  }

  /**
   * The totals `analyze` gives a zone record, counted from the zones' records without building the tree, or
   * undefined when a term needs more than a plain answer from a zone (DNS, a CNAME to follow, a loop, a target
   * that is not shared): then only `analyze` can tell. `zone` is the zone the record is written in.
   */
  zoneTotals(source: SpfSource & { readonly record: ResourceRecord }, zone: Zone): LookupTotals | undefined {
    return this.counter?.count(source, zone);
  }

  analyze(source: SpfSource & { readonly record: ResourceRecord }): SpfLookupAnalysis | Promise<SpfLookupAnalysis> {
    const analyzer = new Analyzer(resolverForOneRecord(this.resolver), this.shared, false);
    const host = ownerHostName(source.record.owner);
    const root = analyzer.record(source, [host.domain.toLowerCase()], host);
    return root instanceof Promise ? root.then((settled) => analyzer.analysis(settled)) : analyzer.analysis(root);
  }
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

const MACRO_NOTE = 'the name depends on the message (macros): counted, not looked up';
const PTR_NOTE = 'the names depend on the connecting address: counted, not looked up';

/** A value now, or later when DNS had to be asked for it. */
type Later<T> = T | Promise<T>;

/** Runs `next` on a value at once when it is there, else when it comes: the analysis waits only for DNS. */
function then<T, U>(value: Later<T>, next: (settled: T) => Later<U>): Later<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** What an include or redirect led to, and who answered the lookup of its target. */
interface Followed {
  readonly target: TargetOutcome;
  readonly answeredBy: AnsweredBy;
}

/**
 * A record being costed: its domain (`%{d}`), the chain of domains from the root to it (lowercase), and the costs
 * of its terms so far.
 */
interface RecordInProgress {
  readonly source: SpfSource;
  readonly domain: HostName;
  readonly chain: readonly string[];
  readonly terms: TermCost[];
}

class Analyzer {
  complete = true;
  marks = 0;
  recordsRead = 0;
  /** Every include/redirect target looked for, lowercase; kept only when analysing a target for sharing. */
  readonly targetsLookedFor: string[] | undefined;
  /** DNS answers already asked for, by `name/type`; answers from the zones need no memory (nor this map). */
  private dnsAnswers: Map<string, Promise<QueryOutcome>> | undefined;

  constructor(
    private readonly resolver: Resolver,
    private readonly shared: SharedTargets | undefined,
    recordTargets: boolean,
  ) {
    this.targetsLookedFor = recordTargets ? [] : undefined;
  }

  analysis(root: RecordCost): SpfLookupAnalysis {
    return { root, lookups: root.total, voidLookups: root.voidLookups, complete: this.complete, marks: this.marks };
  }

  /** Costs a record's terms; `host` is its domain with the lookup name, when the caller has it at hand. */
  record(source: SpfSource, chain: readonly string[], host: HostName = hostName(source.domain)): Later<RecordCost> {
    return this.costFrom({ source, domain: host, chain, terms: [] }, 0);
  }

  /** Costs the terms from `index` on, in order, one at a time: the order of DNS questions decides the query budget. */
  private costFrom(record: RecordInProgress, index: number): Later<RecordCost> {
    const reached = record.source.parsed.reached;
    for (let i = index; i < reached.length; i++) {
      const cost = this.term(reached[i], record);
      if (cost instanceof Promise) {
        return cost.then((settled) => {
          record.terms.push(settled);
          return this.costFrom(record, i + 1);
        });
      }
      record.terms.push(cost);
    }
    let total = 0;
    let voidLookups = 0;
    for (const cost of record.terms) {
      total += cost.total;
      voidLookups += cost.voidLookups;
    }
    return { source: record.source, terms: record.terms, total, voidLookups };
  }

  private term(term: Term, place: RecordInProgress): Later<TermCost> {
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
        const target = targetDomain(term.domain, place.domain);
        if (target === undefined) return { term, cost: 1, total: 1, voidLookups: 0, answeredBy: 'not-looked-up', isVoid: false, note: MACRO_NOTE };
        return this.hostTerm(term, target);
      }
      case 'include':
      case 'redirect': {
        const followed = this.follow(term.domain, place.chain);
        return followed instanceof Promise ? followed.then((settled) => targetCost(term, settled)) : targetCost(term, followed);
      }
      default: {
        const unreachable: never = term;
        return unreachable;
      }
    }
  }

  /** `a`, `mx` and `exists`: one lookup each, void when the name has nothing to offer. */
  private hostTerm(term: Term & { kind: 'a' | 'mx' | 'exists' }, target: HostName): Later<TermCost> {
    // `a` asks for A or AAAA depending on the client; statically it is void only when the name has neither.
    if (term.kind !== 'a') {
      const outcome = this.query(target, term.kind === 'mx' ? TYPE_MX : TYPE_A);
      return outcome instanceof Promise ? outcome.then((settled) => this.hostCost(term, target, [settled])) : this.hostCost(term, target, [outcome]);
    }
    const ipv4 = this.query(target, TYPE_A);
    const ipv6 = this.query(target, TYPE_AAAA);
    if (ipv4 instanceof Promise || ipv6 instanceof Promise) return Promise.all([ipv4, ipv6]).then((outcomes) => this.hostCost(term, target, outcomes));
    return this.hostCost(term, target, [ipv4, ipv6]);
  }

  private hostCost(term: Term & { kind: 'a' | 'mx' | 'exists' }, target: HostName, outcomes: readonly QueryOutcome[]): TermCost {
    const lookedUp = target.domain;
    // Whole literals, not spread from a shared base: this runs for every a/mx term of every record of a zone.
    let failure: (QueryOutcome & { kind: 'error' }) | undefined;
    let isVoid = true;
    for (const outcome of outcomes) {
      if (outcome.kind === 'error') failure ??= outcome;
      if (outcome.kind !== 'empty') isVoid = false;
    }
    if (failure !== undefined) {
      this.complete = false;
      this.marks |= TREE_MARKS.unresolved;
      return { term, cost: 1, total: 1, lookedUp, voidLookups: 0, answeredBy: failure.unresolved ? 'unresolved' : 'error', isVoid: false, note: failure.reason };
    }
    const first = outcomes[0];
    const answeredBy: AnsweredBy = first.kind === 'error' ? 'error' : first.source;
    if (term.kind === 'mx' && first.kind === 'records') {
      let names = 0;
      for (const record of first.records) if (record.target !== undefined && !isRootName(record.target)) names++;
      if (names > MAX_MX_NAMES) this.marks |= TREE_MARKS.manyMxNames;
      return { term, cost: 1, total: 1, lookedUp, voidLookups: 0, answeredBy, isVoid: false, names };
    }
    return { term, cost: 1, total: 1, lookedUp, voidLookups: isVoid ? 1 : 0, answeredBy, isVoid };
  }

  private follow(spec: DomainSpec, chain: readonly string[]): Later<Followed> {
    const constant = constantText(spec);
    if (constant === undefined) {
      this.complete = false;
      return { target: { kind: 'macro' }, answeredBy: 'not-looked-up' };
    }
    return this.followDomain(withoutRootDot(constant), chain);
  }

  followDomain(domain: string, chain: readonly string[]): Later<Followed> {
    const key = domain.toLowerCase();
    this.targetsLookedFor?.push(key);
    if (chain.includes(key)) {
      this.marks |= TREE_MARKS.loop;
      return { target: { kind: 'loop', domain, chain: [...chain, key] }, answeredBy: 'not-looked-up' };
    }
    const reused = this.reuse(domain, chain);
    if (reused !== undefined) return reused;
    if (this.recordsRead >= MAX_RECORDS_READ) {
      this.complete = false;
      return { target: { kind: 'not-followed', domain }, answeredBy: 'not-looked-up' };
    }
    this.recordsRead++;
    return then(this.query(hostName(domain), TYPE_TXT), (answer): Later<Followed> => {
      if (answer.kind === 'error') {
        this.complete = false;
        this.marks |= TREE_MARKS.unresolved;
        return { target: { kind: 'unresolved', domain, reason: answer.reason, dnsError: !answer.unresolved }, answeredBy: answer.unresolved ? 'unresolved' : 'error' };
      }
      return then(this.targetRecord(answer, domain, chain), (target) => ({ target, answeredBy: answer.source }));
    });
  }

  /**
   * The shared analysis of a target, when it holds here: this chain runs through none of the names it looks for
   * (so no loop closes differently), and it fits in what is left of MAX_RECORDS_READ. It then counts as if read
   * here. A target cut short by MAX_RECORDS_READ has read all it may, so it fits only where nothing was read
   * before, right below the root record; with the root's domain not among the names it looks for, it reads
   * there exactly what it read alone.
   */
  private reuse(domain: string, chain: readonly string[]): Followed | undefined {
    const shared = this.shared?.of(domain);
    if (shared === undefined || this.recordsRead + shared.recordsRead > MAX_RECORDS_READ) return undefined;
    for (const name of shared.targetsLookedFor) if (chain.includes(name)) return undefined;
    this.recordsRead += shared.recordsRead;
    if (!shared.complete) this.complete = false;
    this.marks |= shared.marks;
    this.targetsLookedFor?.push(...shared.targetsLookedFor);
    return shared.followed;
  }

  private targetRecord(answer: QueryOutcome & { kind: 'records' | 'empty' }, domain: string, chain: readonly string[]): Later<TargetOutcome> {
    if (answer.kind === 'empty') return this.unusable({ kind: 'no-record', domain, nxdomain: answer.nxdomain });
    const texts = txtTexts(answer.records);
    const spfIndexes = texts.flatMap((text, index) => (isSpfRecordText(text) ? [index] : []));
    if (spfIndexes.length === 0) return this.unusable({ kind: 'no-record', domain, nxdomain: false });
    if (spfIndexes.length > 1) return this.unusable({ kind: 'multiple', domain, count: spfIndexes.length });
    const text = texts[spfIndexes[0]];
    const zoneRecord = answer.records[spfIndexes[0]].record;
    const zoneText = zoneRecord === undefined ? undefined : txtRecordText(zoneRecord);
    const source: SpfSource =
      zoneRecord === undefined || zoneText === undefined
        ? { domain, text, parsed: parseSpf(text) }
        : { domain, text, parsed: parsedZoneRecord(zoneRecord, text), zone: { record: zoneRecord, text: zoneText } };
    if (source.parsed.errors.length > 0) return this.unusable({ kind: 'broken', domain, source });
    return then(this.record(source, [...chain, domain.toLowerCase()]), (record): TargetOutcome => ({ kind: 'record', record }));
  }

  private unusable(target: TargetOutcome & { kind: 'no-record' | 'multiple' | 'broken' }): TargetOutcome {
    this.marks |= TREE_MARKS.unusableTarget;
    return target;
  }

  /**
   * One question. Answers known at once (the zones, or unresolved) are taken as they come; a question for DNS is
   * asked once per analysis, and asked again later it gets the same answer without spending the budget anew.
   */
  private query(host: HostName, type: number): Later<QueryOutcome> {
    const asked = this.dnsAnswers?.get(questionKey(host.domain, type));
    if (asked !== undefined) return asked;
    const outcome = queryNow(this.resolver, host, type);
    if (outcome instanceof Promise) (this.dnsAnswers ??= new Map()).set(questionKey(host.domain, type), outcome);
    return outcome;
  }
}

/** The cost of an include or redirect: one lookup, and whatever its target's record costs. */
function targetCost(term: Term & { kind: 'include' | 'redirect' }, followed: Followed): TermCost {
  const { target, answeredBy } = followed;
  const inner = target.kind === 'record' ? target.record : undefined;
  const cost: TermCost = { term, cost: 1, total: 1 + (inner?.total ?? 0), voidLookups: inner?.voidLookups ?? 0, answeredBy, isVoid: false, target };
  return target.kind === 'macro' ? { ...cost, note: MACRO_NOTE } : cost;
}

/** An include or redirect target analysed on its own, to stand in for its analysis inside any record. */
interface SharedTarget {
  readonly followed: Followed;
  /** The SPF records it read, its own included. */
  readonly recordsRead: number;
  /** Every include/redirect target it looked for, its own included, lowercase. */
  readonly targetsLookedFor: readonly string[];
  readonly complete: boolean;
  readonly marks: number;
}

/**
 * The targets of one workspace state that the zones alone answer, each analysed once. Every SPF record of a
 * hosting zone typically includes the same provider record: its tree is then built once, not once per record.
 */
class SharedTargets {
  /**
   * By the domain as written (outcomes quote it), `null` while a target is being analysed (a target that comes
   * back to itself is not shared) or when it cannot be shared.
   */
  private readonly byDomain = new Map<string, SharedTarget | null>();

  constructor(private readonly workspace: WorkspaceResolver) {}

  of(domain: string): SharedTarget | undefined {
    let shared = this.byDomain.get(domain);
    if (shared === undefined) {
      this.byDomain.set(domain, null);
      shared = this.analyze(domain) ?? null;
      this.byDomain.set(domain, shared);
    }
    return shared ?? undefined;
  }

  /**
   * Follows the target from nowhere, answered by the zones alone. The result can stand for the target elsewhere
   * only when no answer needed DNS (that depends on the record's budget) and no loop closed (a loop's chain names
   * the record it starts from); `reuse` says where it does.
   */
  private analyze(domain: string): SharedTarget | undefined {
    const zonesOnly = new ZonesOnlyResolver(this.workspace);
    const analyzer = new Analyzer(zonesOnly, this, true);
    const followed = analyzer.followDomain(domain, []);
    if (followed instanceof Promise || zonesOnly.neededDns || (analyzer.marks & TREE_MARKS.loop) !== 0) return undefined;
    return { followed, recordsRead: analyzer.recordsRead, targetsLookedFor: analyzer.targetsLookedFor ?? [], complete: analyzer.complete, marks: analyzer.marks };
  }
}

/**
 * The workspace's answers and nothing else: a question only DNS could answer gets a stand-in at once and marks
 * the analysis as not shareable, which then is dropped.
 */
class ZonesOnlyResolver implements Resolver {
  neededDns = false;

  constructor(private readonly workspace: WorkspaceResolver) {}

  answerNow(name: string, type: number): LookupAnswer {
    const known = this.workspace.workspaceAnswer(name, type);
    if (known !== undefined) return known;
    this.neededDns = true;
    return { kind: 'unresolved', reason: `${name} needs DNS` };
  }

  lookup(name: string, type: number): Promise<LookupAnswer> {
    return Promise.resolve(this.answerNow(name, type));
  }
}

/**
 * Shared targets per workspace resolver and state: an entry holds while the resolver answers from the same zones
 * array, which the workspace replaces whenever a file or the settings change.
 */
const sharedTargets = new WeakMap<WorkspaceResolver, { readonly zones: readonly Zone[]; readonly targets: SharedTargets }>();

function sharedTargetsOf(resolver: Resolver): SharedTargets | undefined {
  if (!(resolver instanceof WorkspaceResolver)) return undefined;
  const zones = resolver.currentZones();
  let state = sharedTargets.get(resolver);
  if (state === undefined || state.zones !== zones) {
    state = { zones, targets: new SharedTargets(resolver) };
    sharedTargets.set(resolver, state);
  }
  return state.targets;
}

/** Bits of what a zone holds at one name, for the questions `a`, `mx` and `exists` ask. */
const HAS_A = 1;
const HAS_AAAA = 2;
const HAS_MX = 4;
const HAS_CNAME = 8;
/** More MX names than receivers look up (`TREE_MARKS.manyMxNames`). */
const MANY_MX_NAMES = 16;
/** No workspace zone holds the name: only DNS, or nobody, answers it. */
const OUTSIDE_ZONES = 32;

/** A lookup's outcome as the totals see it: records, nothing (a void lookup), or more than the counter handles. */
type Answer = 'records' | 'empty' | 'beyond';

/**
 * What the totals of every record of one text share: the count of its terms whose answers do not depend on the
 * record's own name (include targets, named hosts, macros), and what remains to be asked per record.
 */
interface CountPlan extends LookupTotals {
  /** The `a` and `mx` terms without a domain-spec: they ask about the record's own name. */
  readonly ownA: number;
  readonly ownMx: number;
  /**
   * Lowercase names which, when one is the record's own domain, close a loop or keep a shared target from standing
   * in for its analysis (`Analyzer.reuse`): the analysis then decides.
   */
  readonly ownerKeys: readonly string[];
}

/**
 * Counts what `Analyzer` counts for a record of a workspace zone, with no tree, no answer objects and no resolver
 * per record: a large zone has one SPF record per domain, and the totals are all the rules need unless a record
 * has a finding. Everything that does not depend on the record's own name is worked out once per parse (records of
 * one text share it) into a plan; a record then costs the look at its own name's records. It follows only what
 * the zones answer directly (records at a name, and include targets `SharedTargets` holds); anything else makes
 * `count` give up, and `Analyzer` decides.
 */
class ZoneTotalsCounter {
  /** Per parse; null when a term of it needs the analysis whatever the record's name. */
  private readonly plans = new Map<ParsedSpf, CountPlan | null>();
  /** The zone `soleZone` was worked out for, and that zone when no other workspace zone lies at or below its origin. */
  private checkedZone: Zone | undefined;
  private soleZone: Zone | undefined;

  constructor(
    private readonly workspace: WorkspaceResolver,
    private readonly shared: SharedTargets,
  ) {}

  count(source: SpfSource & { readonly record: ResourceRecord }, zone: Zone): LookupTotals | undefined {
    const parsed = source.parsed;
    let plan = this.plans.get(parsed);
    if (plan === undefined) {
      plan = this.planOf(parsed);
      this.plans.set(parsed, plan);
    }
    const owner = source.record.owner;
    // An owner with escapes is asked under another spelling (`ownerHostName`), which this does not rebuild.
    if (plan === null || owner.indexOf('\\') >= 0) return undefined;
    for (const key of plan.ownerKeys) if (isOwnerKey(key, owner)) return undefined;
    if (plan.ownA + plan.ownMx === 0) return plan;
    const bits = factsAt(this.ownerZone(owner, zone), owner);
    let voidLookups = plan.voidLookups;
    let marks = plan.marks;
    if (plan.ownA > 0) {
      // `a` asks for A or AAAA depending on the client, so it is void only when the name has neither.
      const ipv4 = answerOf(bits, HAS_A);
      const ipv6 = answerOf(bits, HAS_AAAA);
      if (ipv4 === 'beyond' || ipv6 === 'beyond') return undefined;
      if (ipv4 === 'empty' && ipv6 === 'empty') voidLookups += plan.ownA;
    }
    if (plan.ownMx > 0) {
      const answer = answerOf(bits, HAS_MX);
      if (answer === 'beyond') return undefined;
      if (answer === 'empty') voidLookups += plan.ownMx;
      else if ((bits & MANY_MX_NAMES) !== 0) marks |= TREE_MARKS.manyMxNames;
    }
    return { lookups: plan.lookups, voidLookups, complete: plan.complete, marks };
  }

  /**
   * `WorkspaceResolver.zoneOf` for the owner of a record written in `zone` (without escapes). When no other zone of
   * the workspace lies at or below that zone's origin, an owner that ends in a dot and the origin as written is in
   * that zone, told without comparing names label by label; any other owner is left to `zoneOf`.
   */
  private ownerZone(owner: string, zone: Zone): Zone | undefined {
    const origin = zone.origin;
    if (this.checkedZone !== zone) {
      const zones = this.workspace.currentZones();
      const sole = origin !== undefined && zones.includes(zone) && zones.every((other) => other === zone || other.origin === undefined || !isSubdomainOf(other.origin, origin));
      this.checkedZone = zone;
      this.soleZone = sole ? zone : undefined;
    }
    if (this.soleZone === zone && origin !== undefined) {
      if (owner === origin || (owner.endsWith(origin) && owner.charCodeAt(owner.length - origin.length - 1) === 0x2e)) return zone;
    }
    return this.workspace.zoneOf(owner);
  }

  private planOf(parsed: ParsedSpf): CountPlan | null {
    let lookups = 0;
    let voidLookups = 0;
    let complete = true;
    let marks = 0;
    let recordsRead = 0;
    let ownA = 0;
    let ownMx = 0;
    const ownerKeys: string[] = [];
    for (const term of parsed.reached) {
      switch (term.kind) {
        case 'all':
        case 'ip4':
        case 'ip6':
        case 'exp':
        case 'unknown-modifier':
          break;
        case 'ptr':
          lookups++;
          break;
        case 'a':
        case 'mx':
        case 'exists': {
          lookups++;
          const spec = term.domain;
          // Only `a` and `mx` may leave out the domain-spec: they then ask about the record's own name.
          if (spec === undefined) {
            if (term.kind === 'a') ownA++;
            else ownMx++;
            break;
          }
          const constant = constantText(spec);
          // A name made by macros is counted and not looked up.
          if (constant === undefined) break;
          const name = hostName(withoutRootDot(constant)).name;
          const bits = factsAt(this.workspace.zoneOf(name), name);
          if (term.kind === 'mx') {
            const answer = answerOf(bits, HAS_MX);
            if (answer === 'beyond') return null;
            if (answer === 'empty') voidLookups++;
            else if ((bits & MANY_MX_NAMES) !== 0) marks |= TREE_MARKS.manyMxNames;
            break;
          }
          const ipv4 = answerOf(bits, HAS_A);
          const ipv6 = term.kind === 'a' ? answerOf(bits, HAS_AAAA) : 'empty';
          if (ipv4 === 'beyond' || ipv6 === 'beyond') return null;
          if (ipv4 === 'empty' && ipv6 === 'empty') voidLookups++;
          break;
        }
        case 'include':
        case 'redirect': {
          lookups++;
          const constant = constantText(term.domain);
          if (constant === undefined) {
            complete = false;
            break;
          }
          const domain = withoutRootDot(constant);
          ownerKeys.push(domain.toLowerCase());
          const shared = this.shared.of(domain);
          if (shared === undefined || recordsRead + shared.recordsRead > MAX_RECORDS_READ) return null;
          ownerKeys.push(...shared.targetsLookedFor);
          recordsRead += shared.recordsRead;
          if (!shared.complete) complete = false;
          marks |= shared.marks;
          const followed = shared.followed.target;
          if (followed.kind === 'record') {
            lookups += followed.record.total;
            voidLookups += followed.record.voidLookups;
          }
          break;
        }
        default: {
          const unreachable: never = term;
          return unreachable;
        }
      }
    }
    return { lookups, voidLookups, complete, marks, ownA, ownMx, ownerKeys: [...new Set(ownerKeys)] };
  }
}

/** The `HAS_*` bits of what `zone`, the innermost workspace zone holding `name` (if any), has there. */
function factsAt(zone: Zone | undefined, name: string): number {
  if (zone === undefined) return OUTSIDE_ZONES;
  const records = recordsAt(zone, name);
  let bits = 0;
  let mxRecords = 0;
  for (let i = 0; i < records.length; i++) {
    const type = records[i].type;
    if (type === TYPE_A) bits |= HAS_A;
    else if (type === TYPE_AAAA) bits |= HAS_AAAA;
    else if (type === TYPE_CNAME) bits |= HAS_CNAME;
    else if (type === TYPE_MX) mxRecords++;
  }
  if (mxRecords > 0) bits |= HAS_MX;
  // Only a name with more MX records than the limit can have more MX names: the exchanges are read only then.
  if (mxRecords > MAX_MX_NAMES && mxNames(records) > MAX_MX_NAMES) bits |= MANY_MX_NAMES;
  return bits;
}

/** The MX names `hostCost` counts: the exchanges of a name's MX records, the root (no mail, RFC 7505) aside. */
function mxNames(records: readonly ResourceRecord[]): number {
  let names = 0;
  for (const record of records) {
    if (record.type !== TYPE_MX) continue;
    const exchange = answerTarget(record);
    if (exchange !== undefined && !isRootName(exchange)) names++;
  }
  return names;
}

/**
 * The outcome a zone gives for the type `has` stands for: its records, or nothing when it has none; a name with a
 * CNAME and none of the type is followed by `answerFromZone`, and one outside the zones is not for the zones.
 */
function answerOf(bits: number, has: number): Answer {
  if ((bits & OUTSIDE_ZONES) !== 0) return 'beyond';
  if ((bits & has) !== 0) return 'records';
  return (bits & HAS_CNAME) !== 0 ? 'beyond' : 'empty';
}

/**
 * True when `key` is the record's own domain in the form analyses keep in their chains (`plainName` of the owner,
 * lowercase); the lengths decide almost always, so the lowercase copy is made only when they match.
 */
function isOwnerKey(key: string, owner: string): boolean {
  const plainLength = owner === ROOT ? 0 : owner.endsWith('.') ? owner.length - 1 : owner.length;
  return key.length === plainLength && key === plainName(owner).toLowerCase();
}

function questionKey(domain: string, type: number): string {
  return `${domain.toLowerCase()}/${type}`;
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
function targetDomain(spec: DomainSpec | undefined, domain: HostName): HostName | undefined {
  if (spec === undefined) return domain;
  const constant = constantText(spec);
  return constant === undefined ? undefined : hostName(withoutRootDot(constant));
}
