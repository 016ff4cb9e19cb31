// The mail records of a zone, read in one pass: its DMARC records parsed (the `DmarcIndex` the dmarc-* rules
// share), its DKIM key records in their compact form with the other records the dkim-* rules read, and its mail
// domains (its apex and every name with MX, SPF, DMARC or DKIM records) with the records that show how each
// handles mail; and the RFC 9989 tree walk that finds the DMARC policy covering a domain.

import type { ResourceRecord, Zone } from '../zone/model';
import { ownerIndex, recordsAt } from '../zone/model';
import { isSubdomainOf, labelsOf, nameKey, ROOT } from '../zone/names';
import { resolverForOneRecord } from '../workspace/resolver';
import type { Resolver, WorkspaceView } from '../workspace/view';
import type { DmarcIndex, DmarcKind, DmarcPlacement, DmarcPolicy, DmarcRecord, DmarcTxt } from './dmarc';
import { DmarcIndexBuilder, dmarcTag, dmarcTxtOf, parseDmarcRecord, placementKindOf, policyDomainOf, policyOf, startsLikeDmarc } from './dmarc';
import type { DkimTxt } from './dkim';
import { dkimKeyName, dkimTxt, KEY_NAME_WITH_ESCAPES, keyDomainStart, startsLikeDkim } from './dkim';
import { isMicrosoft365Mx, microsoft365IncludeRange } from './microsoft365';
import { isSpfText, nameFromLabels, startsWithIgnoringCase, TYPE_CNAME, TYPE_MX, TYPE_TXT } from './txtRecords';

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

  /** True once an SPF record of the name is known; unlike `spf`, it builds no list to say so. */
  get hasSpfRecord(): boolean {
    return this.spfRecords !== undefined;
  }

  /** True once a record at `_dmarc.<name>` is known; unlike `dmarc`, it builds no list to say so. */
  get hasDmarcRecord(): boolean {
    return this.dmarcRecords !== undefined;
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

/** What the dkim-* rules and mail-dkim-missing read of a zone. */
export interface ZoneDkim {
  /** The TXT records at key-record names, in their compact form (about 40 bytes each). */
  readonly keyRecords: readonly DkimTxt[];
  /** The CNAMEs at key-record names: selectors handed over to a provider's key. */
  readonly selectorCnames: readonly ResourceRecord[];
  /** The TXT records that start like a key record (`startsLikeDkim`) but stand at no key-record name. */
  readonly strayKeyRecords: readonly ResourceRecord[];
  /** The owners (name keys) of the MX records to Microsoft 365 hosts and the SPF records that include it. */
  readonly microsoft365Owners: ReadonlySet<string>;
}

/** What one pass over a zone's records finds for the mail rules. */
export interface ZoneMail {
  readonly dmarc: DmarcIndex;
  readonly dkim: ZoneDkim;
  /** Every CNAME record, in zone order: the mail aliases (aliases.ts) are among them. */
  readonly cnames: readonly ResourceRecord[];
  /** Every mail domain, in order of first appearance; names below `_` labels (`_spf`, ...) are not domains. */
  readonly domains: readonly MailDomain[];
  /** The domains with MX or SPF records, no record at `_dmarc.<name>` and no CNAME: those a DMARC policy may be missing for. */
  readonly withoutOwnDmarc: readonly MailDomain[];
  /** The domains with a null MX or a `v=spf1 -all` record and no CNAME: those that may declare they handle no mail. */
  readonly declaringNoMail: readonly MailDomain[];
  /** The domains without an SPF record and without a CNAME: those an SPF record may be missing for. */
  readonly withoutSpf: readonly MailDomain[];
  /**
   * The TXT records whose joined text starts with `v=spf1` or `spf2.0/` (any case), in zone order: the records the
   * SPF collection (spf/records.ts) sorts, found here so that it need not reach every TXT record of the zone again.
   */
  readonly spfCandidates: readonly ResourceRecord[];
  /** True when some name has two SPF records or more (in any case of its letters), which spf-multiple-records reports. */
  readonly spfNameShared: boolean;
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

/** The TXT records at key-record names of a zone, in their compact form. */
export function dkimKeyRecords(zone: Zone): readonly DkimTxt[] {
  return zoneMail(zone).dkim.keyRecords;
}

/** The CNAMEs at key-record names of a zone: selectors handed over to a provider's key. */
export function selectorCnames(zone: Zone): readonly ResourceRecord[] {
  return zoneMail(zone).dkim.selectorCnames;
}

/** The TXT records of a zone that start like a key record but stand at no key-record name. */
export function strayKeyRecords(zone: Zone): readonly ResourceRecord[] {
  return zoneMail(zone).dkim.strayKeyRecords;
}

/** The owners (name keys) of a zone's records that show Microsoft 365, for mail-dkim-missing. */
export function microsoft365Owners(zone: Zone): ReadonlySet<string> {
  return zoneMail(zone).dkim.microsoft365Owners;
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
  return record.data.kind === 'txt' ? record.data.joinedValue : '';
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
    const parsed = records.flatMap((record) => (record.type === TYPE_TXT && record.data.kind === 'txt' ? [parseDmarcRecord(record.data.joinedValue)] : []));
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
 * Reads the zone's records once. Each is told apart by its type, then by a few chars of its owner and of its
 * first string, so the many records that are no mail records cost next to nothing.
 */
function readZoneMail(zone: Zone): ZoneMail {
  const reader = new ZoneMailReader(zone);
  const records = zone.records;
  // The types come from the owner index's list of them, read in order, so the many records that are no mail
  // records are never touched: in a large zone that saves a memory access per record.
  const types = ownerIndex(zone).types;
  for (let i = 0; i < records.length; i++) {
    const type = types[i];
    if (type === TYPE_TXT) reader.readTxt(records[i]);
    else if (type === TYPE_MX) reader.readMx(records[i]);
    else if (type === TYPE_CNAME) reader.readCname(records[i]);
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
   * The owner the two fields after it describe. Consecutive records of one owner share one string, so a run of
   * them is described once.
   */
  private owner: string | undefined;
  private placementKind: DmarcPlacement['kind'] = 'elsewhere';
  /** `keyDomainStart` of the owner: where its domain starts when it is a key-record name, else -1. */
  private keyDomainStart = -1;
  /**
   * True once a `_dmarc` name may have two DMARC records: only then does `finish` look for the names that have,
   * for dmarc-multiple-records. The report authorization names with a DMARC record are kept to tell.
   */
  private nameMayBeShared = false;
  private readonly reportAuthorizationNames = new Set<string>();
  private readonly cnames: ResourceRecord[] = [];
  /** The names met so far that are mail domains: inside the zone, and not below `_` labels or wildcards. */
  private readonly domains: CollectedDomain[] = [];
  private readonly keyRecords: DkimTxt[] = [];
  private readonly selectorCnames: ResourceRecord[] = [];
  private readonly strayKeyRecords: ResourceRecord[] = [];
  private readonly microsoft365Owners = new Set<string>();
  private readonly spfCandidates: ResourceRecord[] = [];
  private spfNameShared = false;

  constructor(private readonly zone: Zone) {
    if (zone.origin !== undefined) this.domainNamed(zone.origin);
  }

  readMx(record: ResourceRecord): void {
    const { owner, data } = record;
    const domain = this.domainNamed(owner);
    domain.add('mx', record);
    if (data.kind !== 'mx') return;
    if (data.exchange === ROOT) domain.mayDeclareNoMail = true;
    else if (isMicrosoft365Mx(data.exchange)) this.microsoft365Owners.add(nameKey(owner));
  }

  readTxt(record: ResourceRecord): void {
    const { owner, data } = record;
    if (owner !== this.owner) this.describeOwner(owner);
    const placementKind = this.placementKind;
    let dmarcKind: DmarcKind | undefined;
    if (data.kind === 'txt') {
      // Joined once here and handed on: a record read from a file has no strings to walk, only their places.
      const text = data.joinedValue;
      // The three versions rule each other out, so a record is read for the next only when it is not the one before.
      const isSpf = isSpfText(text);
      if (isSpf) this.readSpf(record, text);
      if (startsWithIgnoringCase(text, SPF_VERSION) || startsWithIgnoringCase(text, SENDER_ID_VERSION)) this.spfCandidates.push(record);
      const isDmarcLike = !isSpf && placementKind === 'elsewhere' && startsLikeDmarc(text);
      if (placementKind !== 'elsewhere' || isDmarcLike) dmarcKind = this.dmarc.add(record, placementKind, text);
      if (this.keyDomainStart !== -1) {
        const entry = dkimTxt(record, text);
        if (entry !== undefined) this.keyRecords.push(entry);
      } else if (!isSpf && !isDmarcLike && startsLikeDkim(text)) {
        this.strayKeyRecords.push(record);
      }
    }
    if (placementKind === 'policy') {
      // A TXT record at `_dmarc` that is no DMARC record does not make the name a mail domain.
      if (dmarcKind === 'not-dmarc') return;
      const domain = this.domainAt(owner, DMARC_PREFIX_LENGTH);
      if (dmarcKind === 'dmarc' && domain.hasDmarcRecord) this.nameMayBeShared = true;
      domain.add('dmarc', record);
      return;
    }
    if (placementKind === 'report-authorization' && dmarcKind === 'dmarc') {
      const key = nameKey(owner);
      if (this.reportAuthorizationNames.has(key)) this.nameMayBeShared = true;
      else this.reportAuthorizationNames.add(key);
    }
    if (this.keyDomainStart !== -1) this.keyDomain(owner).add('dkim', record);
  }

  readCname(record: ResourceRecord): void {
    const owner = record.owner;
    this.cnames.push(record);
    if (owner !== this.owner) this.describeOwner(owner);
    if (this.placementKind === 'policy') this.domainAt(owner, DMARC_PREFIX_LENGTH).add('dmarc', record);
    if (this.keyDomainStart === -1) return;
    if (record.data.kind === 'target') this.selectorCnames.push(record);
    if (this.placementKind !== 'policy') this.keyDomain(owner).add('dkim', record);
  }

  finish(): ZoneMail {
    for (const record of this.cnames) this.byKey.get(nameKey(record.owner))?.markAliased();
    const lists: DomainLists = { withoutOwnDmarc: [], declaringNoMail: [], withoutSpf: [] };
    for (const domain of this.domains) domain.sortInto(lists);
    const dkim: ZoneDkim = {
      keyRecords: this.keyRecords,
      selectorCnames: this.selectorCnames,
      strayKeyRecords: this.strayKeyRecords,
      microsoft365Owners: this.microsoft365Owners,
    };
    const dmarc = this.dmarc.finish(this.nameMayBeShared ? dmarcRecordsSharingName(this.zone) : []);
    return { dmarc, dkim, cnames: this.cnames, domains: this.domains, ...lists, spfCandidates: this.spfCandidates, spfNameShared: this.spfNameShared };
  }

  /** An SPF record: its owner is a mail domain, which may declare it sends no mail or show Microsoft 365. */
  private readSpf(record: ResourceRecord, text: string): void {
    const domain = this.domainNamed(record.owner);
    if (domain.hasSpfRecord) this.spfNameShared = true;
    domain.add('spf', record);
    if (mayBeNoMailSpf(text) && isNoMailSpf(text)) domain.mayDeclareNoMail = true;
    if (mayIncludeMicrosoft365(text) && microsoft365IncludeRange(text) !== undefined) this.microsoft365Owners.add(nameKey(record.owner));
  }

  /** Reads what the placement of an owner's records depends on, once for a run of records of one owner. */
  private describeOwner(owner: string): void {
    this.owner = owner;
    // Policy, report authorization and key-record names all have a label that starts with `_`.
    if (owner.indexOf('_') < 0) {
      this.placementKind = 'elsewhere';
      this.keyDomainStart = -1;
      return;
    }
    this.placementKind = placementKindOf(owner);
    this.keyDomainStart = owner.indexOf('._') < 0 ? -1 : keyDomainStart(owner);
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

  /**
   * The domain named by the end of an owner, from `start` on (the root when nothing is left). The last domain
   * found is compared with the owner in place: most records follow their domain's other records.
   */
  private domainAt(owner: string, start: number): CollectedDomain {
    const last = this.last;
    if (start >= owner.length) return this.domainNamed(ROOT);
    if (last !== undefined && last.name.length === owner.length - start && owner.endsWith(last.name)) return last;
    return this.domainNamed(owner.slice(start));
  }

  /** The domain of the key-record owner just described. */
  private keyDomain(owner: string): CollectedDomain {
    const start = this.keyDomainStart;
    if (start === KEY_NAME_WITH_ESCAPES) return this.domainNamed(dkimKeyName(owner)?.domain ?? ROOT);
    return this.domainAt(owner, start);
  }
}

/**
 * Every DMARC record (kind `dmarc`, at a `_dmarc` name) of each name that has more than one, name by name in the
 * order the names first appear, for dmarc-multiple-records: a second reading of the zone, made only when the
 * first found a name that may have two, which sound zones never have.
 */
function dmarcRecordsSharingName(zone: Zone): DmarcTxt[] {
  const byName = new Map<string, DmarcTxt[]>();
  for (const record of zone.records) {
    if (record.type !== TYPE_TXT) continue;
    const placementKind = placementKindOf(record.owner);
    if (placementKind === 'elsewhere') continue;
    const entry = dmarcTxtOf(record);
    if (entry === undefined || entry.kind !== 'dmarc') continue;
    // A policy record is filed under its domain's name, as the domains are; a report authorization under its own.
    const name = placementKind === 'policy' ? `policy ${nameKey(policyDomainOf(record.owner))}` : `report ${nameKey(record.owner)}`;
    const list = byName.get(name);
    if (list === undefined) byName.set(name, [entry]);
    else list.push(entry);
  }
  return [...byName.values()].filter((list) => list.length > 1).flat();
}

/**
 * False when an SPF text (which starts with `v=spf1`) surely is not `v=spf1 -all`: after its version such a text
 * holds nothing but spaces and the letters of `-all`, and most SPF records fail this on their next term, so only
 * the rest are matched against the pattern of `isNoMailSpf`.
 */
function mayBeNoMailSpf(text: string): boolean {
  for (let i = SPF_VERSION.length; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 45 && code !== 97 && code !== 65 && code !== 108 && code !== 76) return false;
  }
  return true;
}

/**
 * False when an SPF text surely holds no `include:spf.protection.outlook.com`: it has no `k`, in either case. Most
 * SPF records have none, and two native searches spare them the pattern.
 */
function mayIncludeMicrosoft365(text: string): boolean {
  return text.indexOf('k') >= 0 || text.indexOf('K') >= 0;
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
      const text = record.data.joinedValue;
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
const SENDER_ID_VERSION = 'spf2.0/';

/** The length of `_dmarc.`, where a policy record's domain starts in its owner. */
const DMARC_PREFIX_LENGTH = 7;
