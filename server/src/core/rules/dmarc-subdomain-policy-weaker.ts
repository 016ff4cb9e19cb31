// dmarc-subdomain-policy-weaker: `sp=` or `np=` weaker than an enforcing `p=`, which leaves subdomains (or names
// that do not exist) open to the spoofing the domain itself is protected from (RFC 9989 §4.7).

import type { DmarcPolicy } from '../email/dmarc';
import { dmarcTag, policyOf, POLICY_STRENGTH } from '../email/dmarc';
import { dmarcIndex } from '../email/mailDomains';
import { textLocation } from '../email/txtRecords';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'dmarc-subdomain-policy-weaker',
    defaultSeverity: 'warning',
    summary: 'sp= or np= is weaker than an enforcing p=.',
  },
  check(context) {
    for (const { record, text, parsed } of dmarcIndex(context.zone).withSubdomainPolicy) {
      const policyTag = dmarcTag(parsed, 'p');
      const policy = policyTag === undefined ? undefined : policyOf(policyTag.value);
      if (policy === undefined || policy === 'none') continue;
      for (const key of ['sp', 'np']) {
        const tag = dmarcTag(parsed, key);
        const weaker: DmarcPolicy | undefined = tag === undefined ? undefined : policyOf(tag.value);
        if (tag === undefined || weaker === undefined || POLICY_STRENGTH[weaker] >= POLICY_STRENGTH[policy]) continue;
        const names = key === 'sp' ? 'subdomains' : 'names that do not exist under the domain';
        context.report({
          location: textLocation(record, text, tag.range),
          message: `${key}=${weaker} is weaker than p=${policy}: mail from ${names} that fails DMARC gets only ${weaker}, so spoofers can use them; raise it or drop ${key}= to inherit p=`,
        });
      }
    }
  },
};
