// Table test for spf-sender-id: `spf2.0/...` records, which receivers ignore.

import { describeRuleTable, mark } from '../helpers/ruleTable';

const W = 'warning: spf-sender-id';

describeRuleTable('spf-sender-id', {
  valid: ['@ TXT "v=spf1 -all"\n', '@ TXT "spf2 is not sender id"\n'],
  invalid: [mark('@ TXT "spf2.0/mfrom,pra ip4:192.0.2.1 -all"', 'spf2.0/mfrom,pra', W), mark('@ TXT "SPF2.0/pra"', 'SPF2.0/pra', W)],
});
