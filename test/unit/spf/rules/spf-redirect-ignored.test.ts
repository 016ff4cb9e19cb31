// Table test for spf-redirect-ignored: `redirect=` beside `all`.

import { describeRuleTable, mark } from '../helpers/ruleTable';

const W = 'warning: spf-redirect-ignored';

describeRuleTable('spf-redirect-ignored', {
  valid: ['@ TXT "v=spf1 mx redirect=_spf.example.com"\n', '@ TXT "v=spf1 mx -all exp=why.example.com"\n'],
  invalid: [
    mark('@ TXT "v=spf1 mx -all redirect=_spf.example.com"', 'redirect=_spf.example.com', W),
    mark('@ TXT "v=spf1 redirect=_spf.example.com ~all"', 'redirect=_spf.example.com', W),
  ],
});
