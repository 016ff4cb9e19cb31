// Table test for dmarc-misplaced: v=DMARC1 records at names receivers never query.

import { annotate, describeRuleTable, HEAD } from './table';

const W = 'warning: dmarc-misplaced';

describeRuleTable('dmarc-misplaced', {
  valid: [
    HEAD + '_dmarc TXT "v=DMARC1; p=none"\n',
    HEAD + 'example.org._report._dmarc TXT "v=DMARC1"\n',
    HEAD + '_dmarc.sub CNAME sub-example-com.dmarc.example.com.\nsub-example-com.dmarc TXT "v=DMARC1; p=reject"\n',
    HEAD + '@ TXT "v=DMARC1x is not a record"\n',
  ],
  invalid: [
    HEAD + annotate('@ TXT "v=DMARC1; p=reject"', ['"v=DMARC1; p=reject"', W]),
    HEAD + annotate('x._dmarc TXT "v=DMARC1; p=none"', ['"v=DMARC1; p=none"', W]),
    HEAD + annotate('www TXT "V=dmarc1; p=none"', ['"V=dmarc1; p=none"', W]),
  ],
});
