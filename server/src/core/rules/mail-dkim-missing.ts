// mail-dkim-missing: a domain that uses a mail provider recognized from its SPF include or MX host, without the
// DKIM selectors that provider signs with, so its mail goes out unsigned or signed for the provider's domain and
// fails DMARC's DKIM alignment.

import { mailDomains, microsoft365Owners } from '../email/mailDomains';
import type { MailDomain } from '../email/mailDomains';
import { dashedDomain, isMicrosoft365Mx, isNewMicrosoft365Mx, microsoft365IncludeRange, MICROSOFT_365_SELECTORS } from '../email/microsoft365';
import { shown, textLocation, txtRecordText } from '../email/txtRecords';
import type { Location } from '../types';
import { recordsAt } from '../zone/model';
import { nameKey } from '../zone/names';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'mail-dkim-missing',
    defaultSeverity: 'warning',
    summary: "A domain that sends through a recognized provider (Microsoft 365) lacks that provider's DKIM selectors.",
  },
  check(context) {
    // Only a domain with a record that shows Microsoft 365 can be reported; most zones have none, and they need
    // neither the mail domains nor a look at each of them.
    const owners = microsoft365Owners(context.zone);
    if (owners.size === 0) return;
    for (const domain of mailDomains(context.zone)) {
      if (domain.aliased || !owners.has(nameKey(domain.name))) continue;
      const evidence = microsoft365Evidence(domain);
      if (evidence === undefined) continue;
      const missing = MICROSOFT_365_SELECTORS.filter((selector) => {
        const name = `${selector}._domainkey.${domain.name}`;
        return recordsAt(context.workspace.zoneFor(name) ?? context.zone, name).length === 0;
      });
      if (missing.length === 0) continue;
      const names = missing.map((selector) => `${selector}._domainkey.${shown(domain.name)}`).join(' and ');
      const targets = evidence.newStyle
        ? 'the CNAME targets Microsoft assigned (<selector>-<domain>._domainkey.<tenant>.<x>-v1.dkim.mail.microsoft), copied from the Microsoft Defender portal'
        : `CNAMEs to ${missing.map((selector) => `${selector}-${dashedDomain(domain.name)}._domainkey.<tenant>.onmicrosoft.com`).join(' and ')} (the Microsoft Defender portal shows the exact targets)`;
      context.report({
        location: evidence.location,
        message: `${shown(domain.name)} uses Microsoft 365 (${evidence.how}) but has no ${names}: Microsoft signs its mail only once they exist; add ${targets}, then turn DKIM signing on`,
        // Nobody can derive the targets from the zone: the editor asks for them, then the generator writes the CNAMEs.
        fixes: [{ title: `Add the Microsoft 365 DKIM records for ${shown(domain.name)}…`, edits: [], isPreferred: true, command: { kind: 'add-microsoft365-dkim', file: context.zone.file, domain: domain.name } }],
      });
    }
  },
};

/** Where a domain shows that it uses Microsoft 365: its SPF include (sending) first, else its MX (receiving). */
function microsoft365Evidence(domain: MailDomain): { location: Location; how: string; newStyle: boolean } | undefined {
  const newStyle = domain.mx.some((record) => record.data.kind === 'mx' && isNewMicrosoft365Mx(record.data.exchange));
  for (const record of domain.spf) {
    const text = txtRecordText(record);
    const range = text === undefined ? undefined : microsoft365IncludeRange(text.text);
    if (text !== undefined && range !== undefined) {
      return { location: textLocation(record, text, range), how: 'include:spf.protection.outlook.com', newStyle };
    }
  }
  const mx = domain.mx.find((record) => record.data.kind === 'mx' && isMicrosoft365Mx(record.data.exchange));
  if (mx === undefined || mx.data.kind !== 'mx') return undefined;
  return { location: { file: mx.file, span: mx.data.exchangeSpan }, how: `MX ${mx.data.exchange}`, newStyle };
}

