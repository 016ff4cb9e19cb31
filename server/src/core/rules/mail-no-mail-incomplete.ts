// mail-no-mail-incomplete: a domain that declares it handles no mail (null MX `0 .`, RFC 7505, or `v=spf1 -all`)
// without the rest of the set that makes the declaration hold: null MX, `v=spf1 -all`, and DMARC p=reject, the
// set M3AAWG recommends for parked domains.

import { discoverDmarcPolicy, noMailSpf, nullMx, realMx, zoneMail } from '../email/mailDomains';
import { recordLocation, shown } from '../email/txtRecords';
import { noMailEdits } from '../generators/noMail';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'mail-no-mail-incomplete',
    defaultSeverity: 'warning',
    summary: 'A domain that declares it handles no mail (null MX or v=spf1 -all) lacks the rest of the no-mail set.',
  },
  async check(context) {
    for (const domain of zoneMail(context.zone).declaringNoMail) {
      if (domain.aliased) continue;
      const nullRecord = nullMx(domain);
      const spfDeclaration = noMailSpf(domain);
      const declaring = nullRecord ?? spfDeclaration;
      if (declaring === undefined) continue;
      // With real MX hosts, `v=spf1 -all` only says the domain sends nothing: it still receives, so no null MX.
      const receives = realMx(domain).length > 0;
      const missing: string[] = [];
      if (nullRecord === undefined && !receives) missing.push(`a null MX (${shown(domain.name)} MX 0 .)`);
      if (spfDeclaration === undefined) {
        missing.push(domain.spf.length > 0 ? `an SPF record of v=spf1 -all (the one here allows senders)` : `an SPF record (${shown(domain.name)} TXT "v=spf1 -all")`);
      }
      const discovery = await discoverDmarcPolicy(domain.name, context.workspace);
      if (discovery.kind === 'none') missing.push(`a DMARC record (_dmarc.${shown(domain.name)} TXT "v=DMARC1; p=reject")`);
      if (discovery.kind === 'found' && discovery.policy !== 'reject') {
        const where = discovery.own ? `_dmarc.${shown(domain.name)}` : `the one inherited from _dmarc.${shown(discovery.at)}`;
        const setting = discovery.policyTag === undefined ? 'no policy' : `${discovery.policyTag}=${discovery.policy ?? 'an invalid value'}`;
        missing.push(`DMARC p=reject (${where} sets ${setting})`);
      }
      if (missing.length === 0) continue;
      const parts = {
        nullMx: nullRecord === undefined && !receives,
        replaceMx: false,
        spf: spfDeclaration === undefined,
        dmarc: discovery.kind === 'none' || (discovery.kind === 'found' && discovery.policy !== 'reject'),
      };
      const declaration = nullRecord !== undefined ? 'a null MX that it handles' : receives ? 'v=spf1 -all that it sends' : 'v=spf1 -all that it handles';
      context.report({
        location: recordLocation(declaring),
        message: `${shown(domain.name)} declares with ${declaration} no mail, but lacks ${missing.join(', ')}: without the whole set, receivers may still accept mail forged in its name`,
        fixes: [{ title: `Complete the no-mail set of ${shown(domain.name)}`, edits: noMailEdits({ zone: context.zone, domain: domain.name, parts }), isPreferred: true }],
      });
    }
  },
};
