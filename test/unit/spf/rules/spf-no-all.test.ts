// Table test for spf-no-all: neither `all` nor `redirect=`, so unlisted hosts get neutral.

import { describeRuleTable, mark } from '../helpers/ruleTable';

const W = 'warning: spf-no-all';

describeRuleTable('spf-no-all', {
  valid: [
    '@ TXT "v=spf1 mx -all"\n',
    '@ TXT "v=spf1 redirect=_spf.example.com"\n',
    { name: 'a broken all is spf-syntax, not this', zone: '@ TXT "v=spf1 mx -all:x"\n' },
  ],
  invalid: [mark('@ TXT "v=spf1 mx ip4:192.0.2.1"', 'v=spf1', W), mark('@ TXT "v=spf1"', 'v=spf1', W)],
});
