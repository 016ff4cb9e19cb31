// Table test for dmarc-no-rua: policy records without rua=.

import { annotate, describeRuleTable, HEAD } from './table';

describeRuleTable('dmarc-no-rua', {
  valid: [
    HEAD + '_dmarc TXT "v=DMARC1; p=reject; rua=mailto:d@example.com"\n',
    HEAD + 'example.org._report._dmarc TXT "v=DMARC1"\n',
    HEAD + '_dmarc TXT "v=DMARC1; p=reject; rua=bogus"\n',
  ],
  invalid: [HEAD + annotate('_dmarc TXT "v=DMARC1; p=reject"', ['"v=DMARC1; p=reject"', 'information: dmarc-no-rua'])],
});
