// The mail domains of a zone (its apex and every name with MX, SPF, DMARC or DKIM records) with the records that
// show how each handles mail, and the RFC 9989 tree walk that finds the DMARC policy covering a domain.

import type { ResourceRecord, Zone } from '../zone/model';
import { recordsAt } from '../zone/model';
import { isSubdomainOf, labelsOf, nameKey, ROOT } from '../zone/names';
import type { WorkspaceView } from '../workspace/view';
import type { DmarcPolicy, DmarcRecord } from './dmarc';
import { dmarcPlacement, dmarcTag, dmarcTxtOf, parseDmarcRecord, policyOf } from './dmarc';
import { dkimKeyName } from './dkim';
import { isSpfText, nameFromLabels, TYPE_CNAME, TYPE_MX, TYPE_TXT, txtRecordText } from './txtRecords';

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

/** Every mail domain of a zone, in order of first appearance; names below `_` labels (`_spf`, ...) are not domains. */
export function mailDomains(zone: Zone): readonly MailDomain[] {
  let list = zoneCache.get(zone);
  if (list === undefined) {
    list = collectMailDomains(zone);
    zoneCache.set(zone, list);
  }
  return list;
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
  return txtRecordText(record)?.text ?? '';
}

/**
 * Finds the DMARC policy that covers a domain: its own `_dmarc` record, else the nearest parent's found by the
 * RFC 9989 tree walk. Names inside the workspace are answered by its zones; names outside it by the resolver
 * (DNS when live), and an unanswered lookup counts as no record.
 */
export async function discoverDmarcPolicy(domain: string, workspace: WorkspaceView): Promise<DmarcDiscovery> {
  let own = true;
  for (const name of treeWalk(domain)) {
    const found = await dmarcRecordsAt(name, workspace, own);
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
async function dmarcRecordsAt(name: string, workspace: WorkspaceView, own: boolean): Promise<DmarcLookup> {
  const dmarcName = name === ROOT ? '_dmarc.' : `_dmarc.${name}`;
  const zone = workspace.zoneFor(dmarcName);
  const accept = (record: DmarcRecord): boolean => record.kind === 'dmarc' || (own && record.kind === 'broken-dmarc');
  if (zone !== undefined) {
    const records = recordsAt(zone, dmarcName);
    const cname = records.find((record) => record.type === TYPE_CNAME && record.data.kind === 'target');
    if (cname !== undefined && cname.data.kind === 'target') return followDmarcCname(cname.data.target, workspace);
    const parsed = records.flatMap((record) => {
      const text = txtRecordText(record);
      return text === undefined ? [] : [parseDmarcRecord(text.text)];
    });
    return { kind: 'records', records: parsed.filter(accept) };
  }
  const answer = await workspace.resolver.lookup(dmarcName, TYPE_TXT);
  if (answer.kind !== 'records') return { kind: 'records', records: [] };
  return { kind: 'records', records: answer.records.flatMap((record) => (record.txt === undefined ? [] : [parseTxt(record.txt)])).filter(accept) };
}

async function followDmarcCname(target: string, workspace: WorkspaceView): Promise<DmarcLookup> {
  const answer = await workspace.resolver.lookup(target, TYPE_TXT);
  if (answer.kind !== 'records') return { kind: 'delegated', target };
  const records = answer.records.flatMap((record) => (record.txt === undefined ? [] : [parseTxt(record.txt)]));
  return { kind: 'records', records: records.filter((record) => record.kind === 'dmarc') };
}

function parseTxt(strings: readonly string[]): DmarcRecord {
  return parseDmarcRecord(strings.join(''));
}

function collectMailDomains(zone: Zone): MailDomain[] {
  const names = new Map<string, string>();
  const dmarc = new Map<string, ResourceRecord[]>();
  const dkim = new Map<string, ResourceRecord[]>();
  const spfTargets = new Set<string>();
  const add = (name: string): void => {
    if (!names.has(nameKey(name))) names.set(nameKey(name), name);
  };
  const push = (map: Map<string, ResourceRecord[]>, name: string, record: ResourceRecord): void => {
    const list = map.get(nameKey(name));
    if (list === undefined) map.set(nameKey(name), [record]);
    else list.push(record);
  };
  if (zone.origin !== undefined) add(zone.origin);
  for (const record of zone.records) {
    if (record.type === TYPE_MX) add(record.owner);
    const text = txtRecordText(record);
    if (text !== undefined && isSpfText(text.text)) {
      add(record.owner);
      for (const target of spfReferences(text.text, record.owner)) spfTargets.add(nameKey(target));
    }
    // Most names hold neither label; one quick test keeps large zones fast.
    if ((record.type !== TYPE_TXT && record.type !== TYPE_CNAME) || !MAIL_LABEL.test(record.owner)) continue;
    const placement = dmarcPlacement(record.owner);
    if (placement.kind === 'policy') {
      if (record.type === TYPE_CNAME || dmarcTxtOf(record)?.parsed.kind !== 'not-dmarc') {
        add(placement.domain);
        push(dmarc, placement.domain, record);
      }
      continue;
    }
    const key = dkimKeyName(record.owner);
    if (key !== undefined) {
      add(key.domain);
      push(dkim, key.domain, record);
    }
  }
  const domains: MailDomain[] = [];
  for (const [key, name] of names) {
    if (zone.origin !== undefined && !isSubdomainOf(name, zone.origin)) continue;
    const first = labelsOf(name)[0] ?? '';
    if (first.startsWith('_') || first === '*') continue;
    const records = recordsAt(zone, name);
    domains.push({
      name,
      zone,
      mx: records.filter((record) => record.type === TYPE_MX),
      spf: records.filter((record) => {
        const text = txtRecordText(record);
        return text !== undefined && isSpfText(text.text);
      }),
      dmarc: dmarc.get(key) ?? [],
      dkim: dkim.get(key) ?? [],
      aliased: records.some((record) => record.type === TYPE_CNAME),
      spfIncludeTarget: spfTargets.has(key),
    });
  }
  return domains;
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

const zoneCache = new WeakMap<Zone, MailDomain[]>();
const MAIL_LABEL = /_d(?:marc|omainkey)(?:\.|$)/i;

