// The mail records of a zone, read in one pass: its DMARC records parsed (the `DmarcIndex` the dmarc-* rules
// share), and its mail domains (its apex and every name with MX, SPF, DMARC or DKIM records) with the records
// that show how each handles mail; and the RFC 9989 tree walk that finds the DMARC policy covering a domain.

import type { ResourceRecord, Zone } from '../zone/model';
import { recordsAt } from '../zone/model';
import type { CharString } from '../zone/rdata/types';
import { isSubdomainOf, labelsOf, nameKey, ROOT } from '../zone/names';
import { resolverForOneRecord } from '../workspace/resolver';
import type { Resolver, WorkspaceView } from '../workspace/view';
import type { DmarcIndex, DmarcPolicy, DmarcRecord, DmarcTxt } from './dmarc';
import { DmarcIndexBuilder, dmarcTag, parseDmarcRecord, placementKindOf, policyDomainOf, policyOf, startsLikeDmarc } from './dmarc';
import { dkimKeyName } from './dkim';
import { joinedValue } from './recordText';
import { isSpfText, nameFromLabels, TYPE_CNAME, TYPE_MX, TYPE_TXT } from './txtRecords';

export interface MailDomain {
  /** Canonical absolute name. */
  readonly name: string;
  readonly zone: Zone;
  readonly mx: readonly ResourceRecord[];
  /** TXT records whose text is an SPF record. */
  readonly spf: readonly ResourceRecord[];
  /** The records at `_dmarc.<name>`: TXT records meant as DMARC, and CNAMEs to a DMARC service. */
  readonly dmarc: readonly ResourceRecord[];
  /** TXT and CNAME records at `<selector>._domainkey.<name>`. */
  readonly dkim: readonly ResourceRecord[];
  /** True when the name is a CNAME: its mail records live at the target, not here. */
  readonly aliased: boolean;
  /** True when another SPF record of the zone includes or redirects to this name: an SPF building block. */
  readonly spfIncludeTarget: boolean;
}

/**
 * A mail domain as the collection builds it. A zone can have a great many, and nearly every one has a single
 * record of each kind, so a kind with one record keeps the record itself and its list is made when asked for.
 */
class CollectedDomain implements MailDomain {
  private mxRecords: Records;
  private spfRecords: Records;
  private dmarcRecords: Records;
  private dkimRecords: Records;
  private isAliased = false;
  /** Set when the domain has a null MX or a `v=spf1 -all` record, which may make it a no-mail domain. */
  mayDeclareNoMail = false;

  constructor(
    readonly name: string,
    readonly zone: Zone,
  ) {}

  get mx(): readonly ResourceRecord[] {
    return listOf(this.mxRecords);
  }

  get spf(): readonly ResourceRecord[] {
    return listOf(this.spfRecords);
  }

  get dmarc(): readonly ResourceRecord[] {
    return listOf(this.dmarcRecords);
  }

  get dkim(): readonly ResourceRecord[] {
    return listOf(this.dkimRecords);
  }

  get aliased(): boolean {
    return this.isAliased;
  }

  get spfIncludeTarget(): boolean {
    return spfTargetsOf(this.zone).has(nameKey(this.name));
  }

  add(kind: 'mx' | 'spf' | 'dmarc' | 'dkim', record: ResourceRecord): void {
    switch (kind) {
      case 'mx':
        this.mxRecords = withRecord(this.mxRecords, record);
        break;
      case 'spf':
        this.spfRecords = withRecord(this.spfRecords, record);
        break;
      case 'dmarc':
        this.dmarcRecords = withRecord(this.dmarcRecords, record);
        break;
      case 'dkim':
        this.dkimRecords = withRecord(this.dkimRecords, record);
        break;
      default: {
        const unreachable: never = kind;
        return unreachable;
      }
    }
  }

  markAliased(): void {
    this.isAliased = true;
  }

  /** Adds the domain, once all its records are known, to the lists of the mail rules that may report it. */
  sortInto(lists: DomainLists): void {
    if (this.isAliased) return;
    if (this.dmarcRecords === undefined && (this.mxRecords !== undefined || this.spfRecords !== undefined)) lists.withoutOwnDmarc.push(this);
    if (this.mayDeclareNoMail) lists.declaringNoMail.push(this);
    if (this.spfRecords === undefined) lists.withoutSpf.push(this);
  }

}

/** The lists of `ZoneMail` the domains are sorted into. */
type DomainLists = { -readonly [List in 'withoutOwnDmarc' | 'declaringNoMail' | 'withoutSpf']: MailDomain[] };

/** No record, one record, or several. */
type Records = ResourceRecord | ResourceRecord[] | undefined;

function listOf(records: Records): readonly ResourceRecord[] {
  if (records === undefined) return NO_RECORDS;
  return Array.isArray(records) ? records : [records];
}

function withRecord(records: Records, record: ResourceRecord): Records {
  if (records === undefined) return record;
  if (!Array.isArray(records)) return [records, record];
  records.push(record);
  return records;
}

const NO_RECORDS: readonly ResourceRecord[] = [];

/** Where the DMARC policy that covers a domain comes from, found as RFC 9989 §4.10 walks the tree. */
export type DmarcDiscovery =
  | {
      readonly kind: 'found';
      /** The domain whose `_dmarc` record applies. */
      readonly at: string;
      /** True when the record is the domain's own. */
      readonly own: boolean;
      /** The policy the record sets for this domain: `p` for its own, `sp` (else `p`) for a parent's. */
      readonly policy: DmarcPolicy | undefined;
      /** The tag that policy comes from, when there is one. */
      readonly policyTag: 'p' | 'sp' | undefined;
    }
  /** `_dmarc.<at>` is a CNAME whose target could not be read: a record is probably there. */
  | { readonly kind: 'delegated'; readonly at: string; readonly target: string }
  | { readonly kind: 'none' };

/** What one pass over a zone's records finds for the mail rules. */
export interface ZoneMail {
  readonly dmarc: DmarcIndex;
  /** Every mail domain, in order of first appearance; names below `_` labels (`_spf`, ...) are not domains. */
  readonly domains: readonly MailDomain[];
  /** The domains with MX or SPF records, no record at `_dmarc.<name>` and no CNAME: those a DMARC policy may be missing for. */
  readonly withoutOwnDmarc: readonly MailDomain[];
  /** The domains with a null MX or a `v=spf1 -all` record and no CNAME: those that may declare they handle no mail. */
  readonly declaringNoMail: readonly MailDomain[];
  /** The domains without an SPF record and without a CNAME: those an SPF record may be missing for. */
  readonly withoutSpf: readonly MailDomain[];
}

/**
 * The mail records of a zone, read on first use. A zone is replaced (and this dropped) when its file changes;
 * what it keeps is small (see `DmarcTxt` and `CollectedDomain`).
 */
export function zoneMail(zone: Zone): ZoneMail {
  let found = zoneCache.get(zone);
  if (found === undefined) {
    found = readZoneMail(zone);
    zoneCache.set(zone, found);
  }
  return found;
}

/** Every mail domain of a zone, in order of first appearance; names below `_` labels (`_spf`, ...) are not domains. */
export function mailDomains(zone: Zone): readonly MailDomain[] {
  return zoneMail(zone).domains;
}

/** The TXT records of a zone that matter to DMARC, parsed, with the records each dmarc-* rule may report. */
export function dmarcIndex(zone: Zone): DmarcIndex {
  return zoneMail(zone).dmarc;
}

/** The null MX (`0 .`, RFC 7505) when it is the domain's only MX. */
export function nullMx(domain: MailDomain): ResourceRecord | undefined {
  return domain.mx.length === 1 && domain.mx[0].data.kind === 'mx' && domain.mx[0].data.exchange === ROOT ? domain.mx[0] : undefined;
}

/** The MX records that name a real host. */
export function realMx(domain: MailDomain): ResourceRecord[] {
  return domain.mx.filter((record) => record.data.kind === 'mx' && record.data.exchange !== ROOT);
}

/**
 * The domain's SPF record when it is its only one and authorizes no host (`v=spf1 -all`): a declaration that the
 * domain sends no mail. With several SPF records nothing is declared (SPF fails with permerror, spf-multiple-records).
 */
export function noMailSpf(domain: MailDomain): ResourceRecord | undefined {
  return domain.spf.length === 1 && isNoMailSpf(spfTextOf(domain.spf[0])) ? domain.spf[0] : undefined;
}

/** True when an SPF text authorizes no host at all: `v=spf1 -all` (any case and spacing). */
export function isNoMailSpf(text: string): boolean {
  return /^v=spf1[ ]+-all[ ]*$/i.test(text);
}

/** The joined text of an SPF record of a mail domain. */
function spfTextOf(record: ResourceRecord): string {
  return record.data.kind === 'txt' ? joinedValue(record.data.strings) : '';
}

/**
 * Finds the DMARC policy that covers a domain: its own `_dmarc` record, else the nearest parent's found by the
 * RFC 9989 tree walk. Names inside the workspace are answered by its zones; names outside it by the resolver
 * (DNS when live), and an unanswered lookup counts as no record.
 */
export async function discoverDmarcPolicy(domain: string, workspace: WorkspaceView): Promise<DmarcDiscovery> {
  // The walk of one domain is held to the DNS query budget of one record: a zone of many domains then cannot
  // send more than that many queries per domain, however its names are laid out.
  const resolver = resolverForOneRecord(workspace.resolver);
  let own = true;
  for (const name of treeWalk(domain)) {
    const found = await dmarcRecordsAt({ name, workspace, resolver, own });
    if (found.kind === 'delegated') return { kind: 'delegated', at: name, target: found.target };
    if (found.kind === 'records' && found.records.length > 0) {
      const record = found.records[0];
      const tag = own ? dmarcTag(record, 'p') : dmarcTag(record, 'sp') ?? dmarcTag(record, 'p');
      const policyTag = tag === undefined ? undefined : tag.key === 'sp' ? 'sp' : 'p';
      return { kind: 'found', at: name, own, policy: tag === undefined ? undefined : policyOf(tag.value), policyTag };
    }
    own = false;
  }
  return { kind: 'none' };
}

/**
 * The names RFC 9989 §4.10 queries for a domain: the domain, then, when it has 8 labels or more, its 7-label
 * suffix, and from there one label less at a time down to the top-level domain.
 */
export function treeWalk(domain: string): string[] {
  const labels = labelsOf(domain);
  const names = [domain];
  let count = labels.length >= 8 ? 7 : labels.length - 1;
  while (count >= 1) {
    names.push(nameFromLabels(labels.slice(labels.length - count)));
    count--;
  }
  return names;
}

type DmarcLookup = { readonly kind: 'records'; readonly records: DmarcRecord[] } | { readonly kind: 'delegated'; readonly target: string };

/**
 * The DMARC records at `_dmarc.<name>`. For the domain's own name, records meant as DMARC but broken count too:
 * the dmarc-* rules report those, and calling the domain uncovered as well would say the same thing twice.
 */
async function dmarcRecordsAt(options: { name: string; workspace: WorkspaceView; resolver: Resolver; own: boolean }): Promise<DmarcLookup> {
  const { name, workspace, resolver, own } = options;
  const dmarcName = name === ROOT ? '_dmarc.' : `_dmarc.${name}`;
  const zone = workspace.zoneFor(dmarcName);
  const accept = (record: DmarcRecord): boolean => record.kind === 'dmarc' || (own && record.kind === 'broken-dmarc');
  if (zone !== undefined) {
    const records = recordsAt(zone, dmarcName);
    const cname = records.find((record) => record.type === TYPE_CNAME && record.data.kind === 'target');
    if (cname !== undefined && cname.data.kind === 'target') return followDmarcCname(cname.data.target, resolver);
    const parsed = records.flatMap((record) => (record.type === TYPE_TXT && record.data.kind === 'txt' ? [parseDmarcRecord(joinedValue(record.data.strings))] : []));
    return { kind: 'records', records: parsed.filter(accept) };
  }
  const answer = await resolver.lookup(dmarcName, TYPE_TXT);
  if (answer.kind !== 'records') return { kind: 'records', records: [] };
  return { kind: 'records', records: answer.records.flatMap((record) => (record.txt === undefined ? [] : [parseTxt(record.txt)])).filter(accept) };
}

async function followDmarcCname(target: string, resolver: Resolver): Promise<DmarcLookup> {
  const answer = await resolver.lookup(target, TYPE_TXT);
  if (answer.kind !== 'records') return { kind: 'delegated', target };
  const records = answer.records.flatMap((record) => (record.txt === undefined ? [] : [parseTxt(record.txt)]));
  return { kind: 'records', records: records.filter((record) => record.kind === 'dmarc') };
}

function parseTxt(strings: readonly string[]): DmarcRecord {
  return parseDmarcRecord(strings.join(''));
}

/**
 * Reads the zone's records once. Each is tested by its type and a few chars of its owner or first string, so
 * the many records that are no mail records cost next to nothing.
 */
function readZoneMail(zone: Zone): ZoneMail {
  const reader = new ZoneMailReader(zone);
  for (const record of zone.records) {
    const type = record.type;
    if (type === TYPE_MX || type === TYPE_TXT || type === TYPE_CNAME) reader.read(record);
  }
  return reader.finish();
}

/**
 * The state of one pass over a zone's records. The work for a record and the work at the end are methods of
 * their own, so the engine optimizes the short loop above and each of them apart, and code the first records
 * never reach (the end) does not undo the optimized loop.
 */
class ZoneMailReader {
  private readonly dmarc = new DmarcIndexBuilder();
  private readonly byKey = new Map<string, CollectedDomain>();
  /** A domain's records mostly stand together, so the last domain found is tried before the map. */
  private last: CollectedDomain | undefined;
  /**
   * The DMARC records of each `_dmarc` name, for dmarc-multiple-records: a policy name is known by its domain's
   * object, which is found anyway, and a report authorization name by its key.
   */
  private readonly dmarcByName = new Map<CollectedDomain | string, DmarcTxt | DmarcTxt[]>();
  /** True once a name has a second record: only then are the lists gathered from `dmarcByName`. */
  private nameShared = false;
  private readonly cnames: ResourceRecord[] = [];
  /** The names met so far that are mail domains: inside the zone, and not below `_` labels or wildcards. */
  private readonly domains: CollectedDomain[] = [];

  constructor(private readonly zone: Zone) {
    if (zone.origin !== undefined) this.domainNamed(zone.origin);
  }

  /** Reads an MX, TXT or CNAME record. */
  read(record: ResourceRecord): void {
    const { owner, data } = record;
    if (record.type === TYPE_MX) {
      const domain = this.domainNamed(owner);
      domain.add('mx', record);
      if (data.kind === 'mx' && data.exchange === ROOT) domain.mayDeclareNoMail = true;
      return;
    }
    if (record.type === TYPE_CNAME) this.cnames.push(record);
    const placementKind = placementKindOf(owner);
    let entry: DmarcTxt | undefined;
    if (data.kind === 'txt') {
      if (startsLikeSpf(data.strings)) {
        const domain = this.domainNamed(owner);
        domain.add('spf', record);
        if (isNoMailSpf(joinedValue(data.strings))) domain.mayDeclareNoMail = true;
      }
      if (placementKind !== 'elsewhere' || startsLikeDmarc(data.strings)) entry = this.dmarc.add(record, placementKind);
    }
    if (placementKind === 'policy') {
      // A TXT record at `_dmarc` that is no DMARC record does not make the name a mail domain.
      if (entry?.kind === 'not-dmarc') return;
      const domain = this.domainNamed(policyDomainOf(owner));
      domain.add('dmarc', record);
      if (entry?.kind === 'dmarc') this.fileUnderName(domain, entry);
      return;
    }
    if (placementKind === 'report-authorization' && entry?.kind === 'dmarc') this.fileUnderName(nameKey(owner), entry);
    // Every key record name has a `._`, which most names lack.
    if (owner.indexOf('._') < 0) return;
    const key = dkimKeyName(owner);
    if (key !== undefined) this.domainNamed(key.domain).add('dkim', record);
  }

  finish(): ZoneMail {
    for (const record of this.cnames) this.byKey.get(nameKey(record.owner))?.markAliased();
    const lists: DomainLists = { withoutOwnDmarc: [], declaringNoMail: [], withoutSpf: [] };
    for (const domain of this.domains) domain.sortInto(lists);
    const sharingName: DmarcTxt[] = [];
    if (this.nameShared) for (const found of this.dmarcByName.values()) if (Array.isArray(found)) sharingName.push(...found);
    return { dmarc: this.dmarc.finish(sharingName), domains: this.domains, ...lists };
  }

  /** The domain of a name, made when the name is first met; it is one of the zone's domains unless filtered out. */
  private domainNamed(name: string): CollectedDomain {
    if (this.last !== undefined && this.last.name === name) return this.last;
    const key = nameKey(name);
    let domain = this.byKey.get(key);
    if (domain === undefined) {
      domain = new CollectedDomain(name, this.zone);
      this.byKey.set(key, domain);
      const origin = this.zone.origin;
      if ((origin === undefined || isSubdomainOf(name, origin)) && !isServiceOrWildcardName(name)) this.domains.push(domain);
    }
    this.last = domain;
    return domain;
  }

  private fileUnderName(name: CollectedDomain | string, entry: DmarcTxt): void {
    const found = this.dmarcByName.get(name);
    if (found === undefined) this.dmarcByName.set(name, entry);
    else if (Array.isArray(found)) found.push(entry);
    else {
      this.dmarcByName.set(name, [found, entry]);
      this.nameShared = true;
    }
  }
}

/** True when a TXT record's joined strings start with `v=spf1` and then a space or nothing, read without joining. */
function startsLikeSpf(strings: readonly CharString[]): boolean {
  let matched = 0;
  for (const s of strings) {
    const text = s.value;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (matched === SPF_VERSION.length) return code === 32;
      if ((code >= 65 && code <= 90 ? code + 32 : code) !== SPF_VERSION.charCodeAt(matched)) return false;
      matched++;
    }
  }
  return matched === SPF_VERSION.length;
}

/** Names whose first label starts with `_` (`_spf`, `_dmarc`, ...) or is `*` are not domains people mail. */
function isServiceOrWildcardName(name: string): boolean {
  const code = name.charCodeAt(0);
  // Only a name that starts with one of these, escaped or not, can have such a first label.
  if (code !== 95 /* _ */ && code !== 42 /* * */ && code !== 92 /* \ */) return false;
  const first = labelsOf(name)[0] ?? '';
  return first.startsWith('_') || first === '*';
}

/**
 * The names the zone's SPF records include or redirect to, built on first use: only a domain with SPF but no
 * MX and no DMARC asks, so most lints never read the SPF texts for it.
 */
function spfTargetsOf(zone: Zone): ReadonlySet<string> {
  let targets = spfTargetCache.get(zone);
  if (targets === undefined) {
    const found = new Set<string>();
    for (const record of zone.records) {
      if (record.type !== TYPE_TXT || record.data.kind !== 'txt') continue;
      const text = joinedValue(record.data.strings);
      if (!isSpfText(text)) continue;
      for (const target of spfReferences(text, record.owner)) found.add(nameKey(target));
    }
    targets = found;
    spfTargetCache.set(zone, targets);
  }
  return targets;
}

/** The domains an SPF text includes or redirects to (macro-free targets only), made absolute. */
function spfReferences(text: string, owner: string): string[] {
  const targets: string[] = [];
  for (const term of text.split(' ')) {
    const match = /^(?:[+\-~?]?include:|redirect=)([^%\s]+)$/i.exec(term);
    if (match === null) continue;
    const target = match[1].endsWith('.') ? match[1] : `${match[1]}.`;
    if (nameKey(target) !== nameKey(owner)) targets.push(target);
  }
  return targets;
}

const zoneCache = new WeakMap<Zone, ZoneMail>();
const spfTargetCache = new WeakMap<Zone, ReadonlySet<string>>();
const SPF_VERSION = 'v=spf1';
