// Table test for spf-multiple-records: two distinct v=spf1 TXT records at one name, any case of the version.

import { describeRuleTable, mark } from '../helpers/ruleTable';

const E = 'error: spf-multiple-records';

describeRuleTable('spf-multiple-records', {
  valid: [
    '@ TXT "v=spf1 -all"\n',
    '@ TXT "v=spf1 mx -all"\n@ TXT "google-site-verification=abc"\nwww TXT "v=spf1 -all"\n',
    { name: 'the same record twice is one record in DNS', zone: '@ TXT "v=spf1 -all"\n@ TXT "v=spf1 -all"\n' },
    { name: 'a Sender ID record is not SPF', zone: '@ TXT "v=spf1 -all"\n@ TXT "spf2.0/pra -all"\n' },
  ],
  invalid: [
    mark('@ TXT "v=spf1 mx -all"', '"v=spf1 mx -all"', E) + mark('@ TXT "V=SPF1 +all"', '"V=SPF1 +all"', E),
    { name: 'split differently, so different rdata', zone: mark('@ TXT "v=spf1 -all"', '"v=spf1 -all"', E) + mark('@ TXT "v=spf1 " "-all"', '"v=spf1 " "-all"', E) },
  ],
});
