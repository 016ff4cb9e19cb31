// One DNS question as SPF code asks it: through the core's Resolver, following CNAMEs a resolver hands back
// unfollowed, and folded into three outcomes (records, empty, error) that keep who answered.

import type { LookupRecord, Resolver } from '../../workspace/view';
import { toLookupName } from './names';

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
  let name = toLookupName(domain);
  for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
    const answer = await resolver.lookup(name, type);
    switch (answer.kind) {
      case 'records': {
        const wanted = answer.records.filter((record) => record.type === type);
        if (wanted.length > 0) return { kind: 'records', source: answer.source, records: wanted };
        const alias = answer.records.find((record) => record.type === TYPE_CNAME && record.target !== undefined);
        if (alias === undefined || type === TYPE_CNAME) return { kind: 'empty', source: answer.source, nxdomain: false };
        name = alias.target!;
        continue;
      }
      case 'nodata':
        return { kind: 'empty', source: answer.source, nxdomain: false };
      case 'nxdomain':
        return { kind: 'empty', source: answer.source, nxdomain: true };
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
  return { kind: 'error', unresolved: false, reason: `more than ${MAX_CNAME_HOPS} CNAMEs in a row from ${domain}` };
}

/** The joined text of each TXT record in an answer (RFC 7208 §3.3: strings are joined with nothing between). */
export function txtTexts(records: readonly LookupRecord[]): string[] {
  return records.map((record) => (record.txt ?? []).join(''));
}
