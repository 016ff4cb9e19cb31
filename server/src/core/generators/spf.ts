// The "Add SPF record" generator: an SPF record built from what the zone shows of the domain's mail (its MX hosts,
// Microsoft 365), ending in -all; `v=spf1 -all` for a domain that shows no mail host.

import { isMicrosoft365Mx } from '../email/microsoft365';
import { isSpfText, shown, TYPE_MX, txtRecordText } from '../email/txtRecords';
import { insertRecords } from '../edit/insert';
import type { Zone } from '../zone/model';
import { recordsAt } from '../zone/model';
import { ROOT } from '../zone/names';
import { mailRecordsOf } from './dmarc';
import type { Generated } from './generated';
import { generated, refused } from './generated';

/** The Microsoft 365 include every tenant's SPF record uses. */
export const MICROSOFT_365_INCLUDE = 'include:spf.protection.outlook.com';

/**
 * The SPF text for a domain: `mx` when it has MX hosts of its own (or of a provider zonelint does not know), the
 * Microsoft 365 include when its MX is Microsoft 365, and `-all`; `v=spf1 -all` when it has no real MX.
 */
export function spfRecordFor(zone: Zone, domain: string): string {
  const exchanges = recordsAt(zone, domain).flatMap((record) => (record.type === TYPE_MX && record.data.kind === 'mx' && record.data.exchange !== ROOT ? [record.data.exchange] : []));
  const terms = ['v=spf1'];
  if (exchanges.some((exchange) => !isMicrosoft365Mx(exchange))) terms.push('mx');
  if (exchanges.some(isMicrosoft365Mx)) terms.push(MICROSOFT_365_INCLUDE);
  terms.push('-all');
  return terms.join(' ');
}

/** Adds the domain's SPF record unless it has one. */
export function addSpfRecord(options: { zone: Zone; domain: string }): Generated {
  const { zone, domain } = options;
  const existing = recordsAt(zone, domain).some((record) => isSpfText(txtRecordText(record)?.text ?? ''));
  if (existing) return refused(`${shown(domain)} already has an SPF record: a second one makes receivers return permerror`);
  const text = spfRecordFor(zone, domain);
  const edits = insertRecords({ zone, records: [{ owner: domain, type: 'TXT', rdata: { kind: 'txt', value: text } }], near: mailRecordsOf(zone, domain) });
  return generated({ title: `Add SPF record "${text}" for ${shown(domain)}`, edits });
}
