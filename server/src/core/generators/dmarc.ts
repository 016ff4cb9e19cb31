// The "Add DMARC record" generator: a `_dmarc` TXT record at one of the three rollout stages, with an aggregate
// report address in the domain itself, placed next to the domain's other mail records.

import type { DmarcPolicy } from '../email/dmarc';
import { mailDomains } from '../email/mailDomains';
import type { MailDomain } from '../email/mailDomains';
import { shown, TYPE_CNAME, txtRecordText } from '../email/txtRecords';
import { insertRecords } from '../edit/insert';
import type { Placeholder } from '../edit/textEdit';
import type { ResourceRecord, Zone } from '../zone/model';
import { recordsAt } from '../zone/model';
import { nameKey } from '../zone/names';
import type { Generated } from './generated';
import { generated, refused } from './generated';

/** What each stage does, for titles and pickers. */
export const DMARC_STAGES: Readonly<Record<DmarcPolicy, string>> = {
  none: 'monitor: receivers only report',
  quarantine: 'failing mail goes to spam',
  reject: 'failing mail is refused',
};

/** The report address used when the user gives none: `dmarc-reports@<domain>`, a local part to type over. */
export function defaultReportAddress(domain: string): string {
  return `dmarc-reports@${shown(domain).toLowerCase()}`;
}

/** The text of a DMARC record: `v=DMARC1; p=<policy>; rua=mailto:<address>`. */
export function dmarcRecordText(options: { policy: DmarcPolicy; reportAddress: string }): string {
  return `v=DMARC1; p=${options.policy}; rua=mailto:${options.reportAddress}`;
}

/** Adds `_dmarc.<domain>` unless the zone already has a record there. */
export function addDmarcRecord(options: { zone: Zone; domain: string; policy: DmarcPolicy; reportAddress?: string }): Generated {
  const { zone, domain, policy } = options;
  const owner = `_dmarc.${domain}`;
  const existing = recordsAt(zone, owner).find((record) => record.type === TYPE_CNAME || txtRecordText(record) !== undefined);
  if (existing !== undefined) return refused(`${shown(owner)} already has a record: edit it instead of adding another (two DMARC records make receivers ignore both)`);
  const address = options.reportAddress ?? defaultReportAddress(domain);
  const edits = insertRecords({
    zone,
    records: [{ owner, type: 'TXT', rdata: { kind: 'txt', value: dmarcRecordText({ policy, reportAddress: address }) } }],
    near: mailRecordsOf(zone, domain),
  });
  const localPart = address.slice(0, address.lastIndexOf('@'));
  const at = edits[0].newText.indexOf(`mailto:${address}`);
  const placeholder: Placeholder | undefined =
    options.reportAddress === undefined && at >= 0 ? { edit: 0, start: at + 'mailto:'.length, end: at + 'mailto:'.length + localPart.length } : undefined;
  return generated({ title: `Add DMARC record for ${shown(domain)} (p=${policy}: ${DMARC_STAGES[policy]})`, edits, placeholder });
}

/** The records that show how a domain handles mail (MX, SPF, DKIM), where new mail records belong. */
export function mailRecordsOf(zone: Zone, domain: string): ResourceRecord[] {
  let byName = domainIndexes.get(zone);
  if (byName === undefined) {
    byName = new Map(mailDomains(zone).map((candidate) => [nameKey(candidate.name), candidate]));
    domainIndexes.set(zone, byName);
  }
  const found = byName.get(nameKey(domain));
  return found === undefined ? [] : [...found.mx, ...found.spf, ...found.dkim, ...found.dmarc];
}

/** The zone's mail domains by name, so the fixes of many findings each find theirs at once. */
const domainIndexes = new WeakMap<Zone, Map<string, MailDomain>>();
