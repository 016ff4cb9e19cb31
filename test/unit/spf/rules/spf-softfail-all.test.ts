// Table test for spf-softfail-all: `~all` gets advice to move to `-all`.

import { describeRuleTable, mark } from '../helpers/ruleTable';

describeRuleTable('spf-softfail-all', {
  valid: ['@ TXT "v=spf1 mx -all"\n', '@ TXT "v=spf1 mx"\n'],
  invalid: [mark('@ TXT "v=spf1 mx ~all"', '~all', 'information: spf-softfail-all')],
});
