// Table test for dmarc-not-dmarc: TXT records at _dmarc names that are some other record.

import { annotate, describeRuleTable, HEAD } from './table';

const W = 'warning: dmarc-not-dmarc';

describeRuleTable('dmarc-not-dmarc', {
  valid: [
    HEAD + '_dmarc TXT "v=DMARC1; p=none"\n',
    HEAD + '_dmarc TXT "v=dmarc1; p=none"\n',
    HEAD + '_dmarc TXT "p=reject"\n',
    HEAD + 'www TXT "v=spf1 -all"\n',
  ],
  invalid: [
    HEAD + annotate('_dmarc TXT "v=spf1 -all"', ['"v=spf1 -all"', W]),
    HEAD + annotate('_dmarc TXT "google-site-verification=abc123"', ['"google-site-verification=abc123"', W]),
    HEAD + annotate('x._report._dmarc TXT "hello"', ['"hello"', W]),
  ],
});
