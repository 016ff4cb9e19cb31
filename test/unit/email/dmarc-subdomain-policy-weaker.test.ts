// Table test for dmarc-subdomain-policy-weaker: sp= or np= below an enforcing p=.

import { annotate, describeRuleTable, HEAD } from './table';

const W = 'warning: dmarc-subdomain-policy-weaker';

describeRuleTable('dmarc-subdomain-policy-weaker', {
  valid: [
    HEAD + '_dmarc TXT "v=DMARC1; p=none; sp=none"\n',
    HEAD + '_dmarc TXT "v=DMARC1; p=quarantine; sp=reject; np=quarantine"\n',
    HEAD + '_dmarc TXT "v=DMARC1; p=reject; sp=bogus"\n',
  ],
  invalid: [
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=reject; sp=quarantine; np=none"', ['sp=quarantine', W], ['np=none', W]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=quarantine; sp=None"', ['sp=None', W]),
  ],
});
