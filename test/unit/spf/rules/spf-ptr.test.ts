// Table test for spf-ptr: every `ptr` mechanism.

import { marked } from '../../../harness';
import { describeRuleTable, mark } from '../helpers/ruleTable';

describeRuleTable('spf-ptr', {
  valid: ['@ TXT "v=spf1 mx a:ptr.example.com -all"\n'],
  invalid: [
    mark('@ TXT "v=spf1 ptr -all"', 'ptr', 'warning: spf-ptr'),
    marked('@ TXT "v=spf1 ?ptr:example.com PTR -all"', ['?ptr:example.com', 'warning', 'spf-ptr'], ['PTR', 'warning', 'spf-ptr']),
  ],
});
