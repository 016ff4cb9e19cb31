// Table test for spf-mx-ptr-limit: an mx term whose domain has more than 10 MX names.

import { describeRuleTable, mark } from '../helpers/ruleTable';

const E = 'error: spf-mx-ptr-limit';
const mxRecords = (owner: string, count: number): string => Array.from({ length: count }, (_, i) => `${owner} MX ${i} mx${i}\n`).join('');

describeRuleTable('spf-mx-ptr-limit', {
  valid: [
    '@ TXT "v=spf1 mx -all"\n' + mxRecords('@', 10),
    { name: 'a null MX has no names', zone: '@ TXT "v=spf1 mx:nomail.example.com -all"\nnomail MX 0 .\n' },
  ],
  invalid: [
    mark('@ TXT "v=spf1 mx -all"', 'mx', E) + mxRecords('@', 11),
    {
      name: 'behind an include in DNS',
      zone: mark('@ TXT "v=spf1 include:spf.provider.example -all"', 'include:spf.provider.example', E),
      dns: {
        'spf.provider.example': { txt: ['v=spf1 mx:big.provider.example ~all'] },
        'big.provider.example': { mx: Array.from({ length: 12 }, (_, i) => `m${i}.provider.example`) },
      },
    },
  ],
});
