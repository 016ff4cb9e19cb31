// Which zones a zone's checks read: the names its records point at (rdata targets, SPF domains, DMARC report
// addresses). When one of those zones changes, the problems of this one may change too, so the server re-checks it.

import { txtRecordText } from '../email/txtRecords';
import type { Zone } from '../zone/model';
import { isSubdomainOf } from '../zone/names';
import { spfDomains } from './locate';

/** Every name outside its own records that a zone's checks may look up, absolute. */
export function referencedNames(zone: Zone): readonly string[] {
  let names = referencedCache.get(zone);
  if (names === undefined) {
    const found = new Set<string>();
    for (const record of zone.records) {
      const data = record.data;
      if (data.kind === 'target' || data.kind === 'srv') found.add(data.target);
      else if (data.kind === 'mx') found.add(data.exchange);
      else if (data.kind === 'txt') {
        for (const domain of spfDomains(record)) found.add(domain.name);
        for (const domain of dmarcReportDomains(txtRecordText(record)?.text ?? '')) found.add(domain);
      }
    }
    names = [...found];
    referencedCache.set(zone, names);
  }
  return names;
}

/** True when `zone` reads names that lie in `other`, so that a change of `other` can change `zone`'s problems. */
export function dependsOn(zone: Zone, other: Zone): boolean {
  if (zone === other || other.origin === undefined) return false;
  const origin = other.origin;
  return referencedNames(zone).some((name) => isSubdomainOf(name, origin));
}

/** The domains of the `mailto:` addresses in a DMARC record's `rua` and `ruf` tags. */
function dmarcReportDomains(text: string): string[] {
  if (!/^v\s*=\s*DMARC1\b/i.test(text)) return [];
  const domains: string[] = [];
  for (const match of text.matchAll(/mailto:[^@,;!\s]+@([^,;!\s]+)/gi)) {
    const domain = match[1];
    domains.push(domain.endsWith('.') ? domain : `${domain}.`);
  }
  return domains;
}

const referencedCache = new WeakMap<Zone, readonly string[]>();
