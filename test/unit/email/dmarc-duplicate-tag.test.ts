// Table test for dmarc-duplicate-tag: one tag twice, names compared without case.

import { annotate, describeRuleTable, HEAD } from './table';

const E = 'error: dmarc-duplicate-tag';

describeRuleTable('dmarc-duplicate-tag', {
  valid: [HEAD + '_dmarc TXT "v=DMARC1; p=none; sp=reject; rua=mailto:a@example.com"\n'],
  invalid: [
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none; P=reject"', ['P=reject', E]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none; rua=mailto:a@example.com; rua=mailto:b@example.com"', ['rua=mailto:b@example.com', E]),
  ],
});
