// Table test for dmarc-missing-policy: no p= (a warning with a usable rua, an error without one).

import { annotate, describeRuleTable, HEAD } from './table';

describeRuleTable('dmarc-missing-policy', {
  valid: [
    HEAD + '_dmarc TXT "v=DMARC1; p=none"\n',
    HEAD + 'example.org._report._dmarc TXT "v=DMARC1"\n',
    HEAD + '_dmarc TXT "v=dmarc1"\n',
  ],
  invalid: [
    HEAD + annotate('_dmarc TXT "v=DMARC1; rua=mailto:d@example.com"', ['"v=DMARC1; rua=mailto:d@example.com"', 'warning: dmarc-missing-policy']),
    HEAD + annotate('_dmarc TXT "v=DMARC1; adkim=s"', ['"v=DMARC1; adkim=s"', 'error: dmarc-missing-policy']),
    HEAD + annotate('_dmarc TXT "v=DMARC1; rua=ftp://example.com"', ['"v=DMARC1; rua=ftp://example.com"', 'error: dmarc-missing-policy']),
    HEAD + annotate('_dmarc TXT "v=DMARC1"', ['"v=DMARC1"', 'error: dmarc-missing-policy']),
  ],
});
