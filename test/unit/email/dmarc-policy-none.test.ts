// Table test for dmarc-policy-none: p=none, any case.

import { annotate, describeRuleTable, HEAD } from './table';

const W = 'warning: dmarc-policy-none';

describeRuleTable('dmarc-policy-none', {
  valid: [HEAD + '_dmarc TXT "v=DMARC1; p=quarantine; sp=none"\n', HEAD + '_dmarc TXT "v=DMARC1; p=reject"\n', HEAD + '@ TXT "v=DMARC1; p=none"\n'],
  invalid: [
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none; rua=mailto:d@example.com"', ['p=none', W]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; P = None"', ['P = None', W]),
  ],
});
