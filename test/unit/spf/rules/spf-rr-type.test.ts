// Table test for spf-rr-type: records of the retired SPF type (99).

import { describeRuleTable, mark } from '../helpers/ruleTable';

const W = 'warning: spf-rr-type';

describeRuleTable('spf-rr-type', {
  valid: ['@ TXT "v=spf1 -all"\n'],
  invalid: [
    '@ TXT "v=spf1 -all"\n' + mark('@ SPF "v=spf1 -all"', 'SPF', W),
    { name: 'with no TXT record beside it', zone: mark('www SPF "v=spf1 mx -all"', 'SPF', W) },
  ],
});
