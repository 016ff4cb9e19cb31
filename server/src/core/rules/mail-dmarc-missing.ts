// mail-dmarc-missing: a domain with MX or SPF records and no DMARC policy, neither its own nor one inherited from
// its organizational domain (RFC 9989 §4.10 tree walk), so receivers have no policy for mail that fails.

import { discoverDmarcPolicy, noMailSpf, nullMx, realMx, zoneMail } from '../email/mailDomains';
import { recordLocation, shown } from '../email/txtRecords';
import type { Fix } from '../edit/textEdit';
import { addDmarcRecord } from '../generators/dmarc';
import type { Zone } from '../zone/model';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'mail-dmarc-missing',
    defaultSeverity: 'warning',
    summary: 'A domain with MX or SPF records has no DMARC record, nor an organizational domain with one.',
  },
  async check(context) {
    for (const domain of zoneMail(context.zone).withoutOwnDmarc) {
      if (domain.aliased || domain.dmarc.length > 0 || nullMx(domain) !== undefined) continue;
      // A domain that says it sends no mail is mail-no-mail-incomplete's to judge; an SPF record that only other
      // SPF records include is a building block, not a domain people write to or from.
      if (noMailSpf(domain) !== undefined) continue;
      const mx = realMx(domain);
      if (mx.length === 0 && (domain.spf.length === 0 || domain.spfIncludeTarget)) continue;
      const discovery = await discoverDmarcPolicy(domain.name, context.workspace);
      if (discovery.kind !== 'none') continue;
      const evidence = mx[0] ?? domain.spf[0];
      context.report({
        location: recordLocation(evidence),
        message: `${shown(domain.name)} handles mail but has no DMARC record at _dmarc.${shown(domain.name)}, nor a parent domain with one: receivers have no policy for mail that fails SPF and DKIM; publish _dmarc.${shown(domain.name)} TXT "v=DMARC1; p=none; rua=mailto:<address>" and raise p as the reports allow`,
        fixes: dmarcFixes(context.zone, domain.name),
      });
    }
  },
};

/** A record at each rollout stage; the first stage, which only monitors, is the one to start with. */
function dmarcFixes(zone: Zone, domain: string): Fix[] {
  return (['none', 'quarantine', 'reject'] as const).flatMap((policy) => {
    const result = addDmarcRecord({ zone, domain, policy });
    return result.kind === 'fix' ? [{ ...result.fix, isPreferred: policy === 'none' }] : [];
  });
}
