// Table test for spf-duplicate: a mechanism that repeats an earlier one, whatever its qualifier or case.

import { describeRuleTable, mark } from '../helpers/ruleTable';

const W = 'warning: spf-duplicate';

describeRuleTable('spf-duplicate', {
  valid: [
    '@ TXT "v=spf1 a a/24 mx mx:mail.example.com -all"\n',
    '@ TXT "v=spf1 ip4:192.0.2.1 ip4:192.0.2.2 exists:%{l}.example.com exists:%{L}.example.com -all"\n',
  ],
  invalid: [
    mark('@ TXT "v=spf1 include:_spf.example.com mx include:_SPF.example.com. -all"', 'include:_SPF.example.com.', W),
    { name: 'the same network with other host bits', zone: mark('@ TXT "v=spf1 ip4:192.0.2.0/24 ip4:192.0.2.77/24 -all"', 'ip4:192.0.2.77/24', W) },
    { name: 'another qualifier', zone: mark('@ TXT "v=spf1 a -a -all"', '-a', W) },
  ],
});
