// Table test for dmarc-multiple-records: two distinct DMARC records at one _dmarc name.

import { annotate, describeRuleTable, HEAD } from './table';

const E = 'error: dmarc-multiple-records';

describeRuleTable('dmarc-multiple-records', {
  valid: [
    HEAD + '_dmarc TXT "v=DMARC1; p=reject"\n_dmarc TXT "v=spf1 -all"\n',
    HEAD + '_dmarc TXT "v=DMARC1; p=reject"\n_dmarc TXT "v=dmarc1; p=none"\n',
    HEAD + '_dmarc TXT "v=DMARC1; p=reject"\n_dmarc TXT "v=DMARC1; p=reject"\n',
    HEAD + '_dmarc TXT "v=DMARC1; p=reject"\n_dmarc.sub TXT "v=DMARC1; p=none"\n',
  ],
  invalid: [
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none"', ['"v=DMARC1; p=none"', E]) + annotate('_dmarc TXT "v=DMARC1; p=reject"', ['"v=DMARC1; p=reject"', E]),
    HEAD +
      annotate('x._report._dmarc TXT "v=DMARC1"', ['"v=DMARC1"', E]) +
      annotate('x._report._dmarc TXT "v=DMARC1; rua=mailto:a@example.com"', ['"v=DMARC1; rua=mailto:a@example.com"', E]),
  ],
});
