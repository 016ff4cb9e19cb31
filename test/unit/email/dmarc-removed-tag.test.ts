// Table test for dmarc-removed-tag: pct, rf and ri; a warning when they still change what happens.

import { annotate, describeRuleTable, HEAD } from './table';

const I = 'information: dmarc-removed-tag';
const W = 'warning: dmarc-removed-tag';

describeRuleTable('dmarc-removed-tag', {
  valid: [HEAD + '_dmarc TXT "v=DMARC1; p=reject; t=y"\n'],
  invalid: [
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=reject; pct=100; rf=afrf; ri=86400"', ['pct=100', I], ['rf=afrf', I], ['ri=86400', I]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=quarantine; pct=25"', ['pct=25', W]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none; pct=500; rf=bob; ri=-1"', ['pct=500', W], ['rf=bob', W], ['ri=-1', W]),
    HEAD + annotate('_dmarc TXT "v=DMARC1; p=none; RF = afrf : other"', ['RF = afrf : other', I]),
  ],
});
