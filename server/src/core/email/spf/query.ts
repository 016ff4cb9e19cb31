// One DNS question as SPF code asks it: through the core's Resolver, following CNAMEs a resolver hands back
// unfollowed, and folded into three outcomes (records, empty, error) that keep who answered.

import type { LookupAnswer, LookupRecord, Resolver } from '../../workspace/view';
import { plainName, toLookupName } from './names';

export const TYPE_A = 1;
export const TYPE_CNAME = 5;
export const TYPE_PTR = 12;
export const TYPE_MX = 15;
export const TYPE_TXT = 16;
export const TYPE_AAAA = 28;

export type QueryOutcome =
  | { readonly kind: 'records'; readonly source: 'zone' | 'dns'; readonly records: readonly LookupRecord[] }
  /** The name does not exist (`nxdomain`) or has no records of the type: a void lookup (RFC 7208 §4.6.4). */
  | { readonly kind: 'empty'; readonly source: 'zone' | 'dns'; readonly nxdomain: boolean }
  /** A DNS failure, or nobody could answer (`unresolved`: outside the workspace with DNS off or over budget). */
  | { readonly kind: 'error'; readonly unresolved: boolean; readonly reason: string };

const MAX_CNAME_HOPS = 8;

/** Looks up `domain` (plain text, root dot optional) for records of `type`. Never throws for DNS trouble. */
export async function queryRecords(resolver: Resolver, domain: string, type: number): Promise<QueryOutcome> {
  return queryNow(resolver, hostName(domain), type);
}

/** A domain as SPF writes it (plain text, root dot optional) with its lookup name, made once for all its questions. */
export interface HostName {
  readonly domain: string;
  readonly name: string;
}

export function hostName(domain: string): HostName {
  return { domain, name: toLookupName(domain) };
}

/**
 * The host name of a zone owner (canonical and absolute). Without escapes the owner is its own lookup name, and
 * asking with the very string the zone's owner index holds saves hashing and comparing a copy.
 */
export function ownerHostName(owner: string): HostName {
  const domain = plainName(owner);
  return owner.indexOf('\\') < 0 ? { domain, name: owner } : hostName(domain);
}

/**
 * The same question, answered without a promise when every answer on the way is known at once (`answerNow`):
 * checking the SPF records of a large zone then costs map lookups, and only real DNS is waited for.
 */
export function queryNow(resolver: Resolver, host: HostName, type: number): QueryOutcome | Promise<QueryOutcome> {
  return askFrom({ resolver, host, type }, host.name, 0);
}

interface Asking {
  readonly resolver: Resolver;
  readonly host: HostName;
  readonly type: number;
}

/** Asks `name`, the `hop`-th name of the CNAME chain from the host, and follows the chain from there. */
function askFrom(asking: Asking, name: string, hop: number): QueryOutcome | Promise<QueryOutcome> {
  const { resolver, type } = asking;
  for (let at = hop; at <= MAX_CNAME_HOPS; at++) {
    const known = resolver.answerNow?.(name, type);
    if (known === undefined) {
      return resolver.lookup(name, type).then((answer) => {
        const folded = fold(answer, type);
        return typeof folded === 'string' ? askFrom(asking, folded, at + 1) : folded;
      });
    }
    const folded = fold(known, type);
    if (typeof folded !== 'string') return folded;
    name = folded;
  }
  return { kind: 'error', unresolved: false, reason: `more than ${MAX_CNAME_HOPS} CNAMEs in a row from ${asking.host.domain}` };
}

/** The outcomes that say nothing more than their kind and source, made once: outcomes are never changed. */
const EMPTY: Readonly<Record<'zone' | 'dns', { readonly noData: QueryOutcome; readonly nxdomain: QueryOutcome }>> = {
  zone: { noData: { kind: 'empty', source: 'zone', nxdomain: false }, nxdomain: { kind: 'empty', source: 'zone', nxdomain: true } },
  dns: { noData: { kind: 'empty', source: 'dns', nxdomain: false }, nxdomain: { kind: 'empty', source: 'dns', nxdomain: true } },
};

/** One answer as an outcome, or the name a CNAME in it points to when the chain goes on. */
function fold(answer: LookupAnswer, type: number): QueryOutcome | string {
  switch (answer.kind) {
    case 'records': {
      // An answer holding only the type asked for already has the outcome's form (zone answers always do).
      if (allOfType(answer.records, type)) return answer.records.length > 0 ? answer : EMPTY[answer.source].noData;
      const wanted = answer.records.filter((record) => record.type === type);
      if (wanted.length > 0) return { kind: 'records', source: answer.source, records: wanted };
      const alias = answer.records.find((record) => record.type === TYPE_CNAME && record.target !== undefined);
      if (alias === undefined || type === TYPE_CNAME) return EMPTY[answer.source].noData;
      return alias.target!;
    }
    case 'nodata':
      return EMPTY[answer.source].noData;
    case 'nxdomain':
      return EMPTY[answer.source].nxdomain;
    case 'error':
      return { kind: 'error', unresolved: false, reason: answer.reason };
    case 'unresolved':
      return { kind: 'error', unresolved: true, reason: answer.reason };
    default: {
      const unreachable: never = answer;
      return unreachable;
    }
  }
}

function allOfType(records: readonly LookupRecord[], type: number): boolean {
  for (const record of records) if (record.type !== type) return false;
  return true;
}

/** The joined text of each TXT record in an answer (RFC 7208 §3.3: strings are joined with nothing between). */
export function txtTexts(records: readonly LookupRecord[]): string[] {
  return records.map((record) => (record.txt ?? []).join(''));
}
