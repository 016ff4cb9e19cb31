// dmarc-external-report-auth: a report address in another organization that has not agreed to take the
// domain's reports (RFC 9990 §4); receivers then send nothing there.

import { checkReportAuthorization } from '../email/reportAuthorization';
import type { AuthorizationResult } from '../email/reportAuthorization';
import { parseReportUris } from '../email/dmarc';
import { dmarcIndex } from '../email/mailDomains';
import { shown, textLocation } from '../email/txtRecords';
import { insertRecords } from '../edit/insert';
import type { Fix } from '../edit/textEdit';
import type { WorkspaceView } from '../workspace/view';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'dmarc-external-report-auth',
    defaultSeverity: 'warning',
    summary: 'A report address in another domain has no <domain>._report._dmarc.<destination> authorization record.',
  },
  async check(context) {
    // One lookup per destination, however many URIs and records name it.
    const pending = new Map<string, Promise<AuthorizationResult>>();
    // Records that send reports only to their own domain's names need no authorization and are not asked about.
    for (const { record, text, parsed, placement } of dmarcIndex(context.zone).reportingElsewhere) {
      if (placement.kind !== 'policy') continue;
      for (const tag of parsed.tags) {
        if (tag.key !== 'rua' && tag.key !== 'ruf') continue;
        for (const uri of parseReportUris(tag)) {
          if (uri.address === undefined || uri.address.domain.startsWith('[')) continue;
          const destination = `${uri.address.domain}.`;
          const key = `${placement.domain.toLowerCase()} ${destination}`;
          let result = pending.get(key);
          if (result === undefined) {
            result = checkReportAuthorization({ reportedDomain: placement.domain, destination, workspace: context.workspace });
            pending.set(key, result);
          }
          const verdict = await result;
          const location = textLocation(record, text, uri.range);
          if (verdict.kind === 'missing') {
            context.report({
              location,
              message: `${uri.address.domain} has not authorized reports for ${shown(placement.domain)}: receivers send none there unless ${shown(verdict.name)} has a TXT "v=DMARC1" record (RFC 9990 §4); ask the destination to publish it`,
              fixes: authorizationFixes(context.workspace, verdict.name, destination),
            });
          } else if (verdict.kind === 'unverified') {
            context.report({
              location,
              message: `unverified: could not check that ${uri.address.domain} accepts reports for ${shown(placement.domain)} (${verdict.reason}); it needs a TXT "v=DMARC1" record at ${shown(verdict.name)}`,
              severity: 'information',
              fixes: authorizationFixes(context.workspace, verdict.name, destination),
            });
          }
        }
      }
    }
  },
};

/** The record the destination publishes to accept the reports. */
const AUTHORIZATION = 'v=DMARC1';

/**
 * When the destination's zone is in the workspace, the record is added there (an edit of another file); otherwise
 * it is copied for the user to send to whoever runs that zone.
 */
function authorizationFixes(workspace: WorkspaceView, name: string, destination: string): Fix[] {
  const zone = workspace.zoneFor(name);
  if (zone !== undefined) {
    const edits = insertRecords({ zone, records: [{ owner: name, type: 'TXT', rdata: { kind: 'txt', value: AUTHORIZATION } }] });
    return [{ title: `Add ${shown(name)} TXT "${AUTHORIZATION}" to the ${shown(zone.origin ?? destination)} zone`, edits, isPreferred: true }];
  }
  const text = `${name} IN TXT "${AUTHORIZATION}"`;
  const message = `Copied ${shown(name)} TXT "${AUTHORIZATION}": the ${shown(destination)} zone is not in this workspace, so ask whoever runs it to publish the record`;
  return [{ title: `Copy the authorization record for the ${shown(destination)} zone`, edits: [], command: { kind: 'copy-to-clipboard', text, message } }];
}
