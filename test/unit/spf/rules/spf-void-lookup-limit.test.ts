// Table test for spf-void-lookup-limit: more than two lookups that find nothing, through includes too.

import { describeRuleTable, mark } from '../helpers/ruleTable';

const E = 'error: spf-void-lookup-limit';

describeRuleTable('spf-void-lookup-limit', {
  valid: [
    '@ TXT "v=spf1 a:nx1.example.com a:nx2.example.com -all"\n',
    { name: 'a name with only AAAA is not void', zone: '@ TXT "v=spf1 a:v6.example.com a:nx1.example.com a:nx2.example.com -all"\nv6 AAAA 2001:db8::1\n' },
    { name: 'names behind macros are not looked up', zone: '@ TXT "v=spf1 exists:%{i}.a.example.com exists:%{i}.b.example.com exists:%{i}.c.example.com -all"\n' },
  ],
  invalid: [
    mark('@ TXT "v=spf1 a:nx1.example.com mx:nx2.example.com exists:nx3.example.com -all"', 'exists:nx3.example.com', E),
    { name: 'through an include', zone: mark('@ TXT "v=spf1 a:nx1.example.com include:_spf.example.com -all"', 'include:_spf.example.com', E) + '_spf TXT "v=spf1 a:nx2.example.com a:nx3.example.com"\n' },
    { name: 'names in DNS', zone: mark('@ TXT "v=spf1 a:gone1.example.net a:gone2.example.net a:gone3.example.net -all"', 'a:gone3.example.net', E), dns: {} },
  ],
});
