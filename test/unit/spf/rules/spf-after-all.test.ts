// Table test for spf-after-all: mechanisms after `all` (modifiers may stand anywhere).

import { marked } from '../../../harness';
import { describeRuleTable } from '../helpers/ruleTable';

describeRuleTable('spf-after-all', {
  valid: ['@ TXT "v=spf1 mx -all"\n', '@ TXT "v=spf1 mx -all exp=why.example.com"\n'],
  invalid: [
    marked('@ TXT "v=spf1 mx -all ip4:192.0.2.1 include:_spf.example.com"', ['ip4:192.0.2.1', 'warning', 'spf-after-all'], ['include:_spf.example.com', 'warning', 'spf-after-all']),
    marked('@ TXT "v=spf1 ~all -all"', ['-all', 'warning', 'spf-after-all']),
  ],
});
