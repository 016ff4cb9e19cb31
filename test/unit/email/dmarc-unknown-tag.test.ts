// Table test for dmarc-unknown-tag: tags RFC 9989 does not define (the removed ones have their own rule).

import { annotate, describeRuleTable, HEAD } from './table';

const W = 'warning: dmarc-unknown-tag';

describeRuleTable('dmarc-unknown-tag', {
  valid: [HEAD + '_dmarc TXT "v=DMARC1; p=reject; sp=reject; np=reject; adkim=s; aspf=s; fo=1; rua=mailto:a@example.com; ruf=mailto:a@example.com; t=n; psd=n; pct=100; rf=afrf; ri=3600"\n'],
  invalid: [
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none; foo=bar; buzz=happy"', ['foo', W], ['buzz', W]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none; rau=mailto:a@example.com"', ['rau', W]),
  ],
});
