// The RFC 9990 §4 check that a report destination in another organization agrees to receive a domain's reports:
// a TXT `v=DMARC1` record at `<domain>._report._dmarc.<destination>`, looked up in the workspace, then over DNS.

import { isSubdomainOf } from '../zone/names';
import type { LookupAnswer, WorkspaceView } from '../workspace/view';
import { parseDmarcRecord } from './dmarc';
import { TYPE_TXT } from './txtRecords';

export type AuthorizationResult =
  /** The destination shares the domain's organization: no authorization is needed. */
  | { readonly kind: 'same-organization' }
  | { readonly kind: 'authorized'; readonly name: string }
  | { readonly kind: 'missing'; readonly name: string; readonly source: 'zone' | 'dns' }
  /** Nobody could answer (outside the workspace and DNS off or failing). */
  | { readonly kind: 'unverified'; readonly name: string; readonly reason: string };

/** The name whose TXT record authorizes `destination` to receive reports about `reportedDomain`. */
function authorizationName(reportedDomain: string, destination: string): string {
  const absolute = destination.endsWith('.') ? destination : `${destination}.`;
  return `${reportedDomain}_report._dmarc.${absolute}`;
}

/**
 * Decides whether reports about `reportedDomain` may go to `destination` (both canonical, absolute). Without a
 * public-suffix list the organization test is conservative: one name at or below the other, or both in the same
 * workspace zone, counts as one organization.
 */
export async function checkReportAuthorization(options: {
  reportedDomain: string;
  destination: string;
  workspace: WorkspaceView;
}): Promise<AuthorizationResult> {
  const { reportedDomain, destination, workspace } = options;
  if (isSubdomainOf(destination, reportedDomain) || isSubdomainOf(reportedDomain, destination)) return { kind: 'same-organization' };
  const zone = workspace.zoneFor(reportedDomain);
  if (zone !== undefined && zone === workspace.zoneFor(destination)) return { kind: 'same-organization' };
  const name = authorizationName(reportedDomain, destination);
  const answer = await workspace.resolver.lookup(name, TYPE_TXT);
  const verdict = judge(answer, name);
  // The workspace resolver reads zones literally; DNS applies a `*._report._dmarc` wildcard by itself.
  if (verdict.kind === 'missing' && verdict.source === 'zone') {
    const wildcard = judge(await workspace.resolver.lookup(`*._report._dmarc.${destination}`, TYPE_TXT), name);
    if (wildcard.kind === 'authorized') return wildcard;
  }
  return verdict;
}

function judge(answer: LookupAnswer, name: string): AuthorizationResult {
  switch (answer.kind) {
    case 'records': {
      const authorized = answer.records.some((record) => record.txt !== undefined && parseDmarcRecord(record.txt.join('')).kind === 'dmarc');
      return authorized ? { kind: 'authorized', name } : { kind: 'missing', name, source: answer.source };
    }
    case 'nodata':
    case 'nxdomain':
      return { kind: 'missing', name, source: answer.source };
    case 'error':
      return { kind: 'unverified', name, reason: answer.reason };
    case 'unresolved':
      return { kind: 'unverified', name, reason: answer.reason };
    default: {
      const unreachable: never = answer;
      return unreachable;
    }
  }
}
