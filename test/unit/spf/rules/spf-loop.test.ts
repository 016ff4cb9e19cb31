// Table test for spf-loop: include and redirect chains that come back to a record being evaluated.

import { describeRuleTable, mark } from '../helpers/ruleTable';

const E = 'error: spf-loop';

describeRuleTable('spf-loop', {
  valid: [
    '@ TXT "v=spf1 include:_spf.example.com -all"\n_spf TXT "v=spf1 include:_spf2.example.com"\n_spf2 TXT "v=spf1 a -all"\n',
    { name: 'a redirect beside all is never followed (RFC suite redirect-after-mechanisms1)', zone: '@ TXT "v=spf1 redirect=example.com ~all"\n' },
    { name: 'the same include twice is no loop', zone: '@ TXT "v=spf1 include:_spf.example.com include:_spf.example.com -all"\n_spf TXT "v=spf1 a -all"\n' },
  ],
  invalid: [
    mark('@ TXT "v=spf1 ip4:192.0.2.1 redirect=example.com"', 'redirect=example.com', E),
    {
      name: 'two records that include each other',
      zone: mark('@ TXT "v=spf1 include:a.example.com -all"', 'include:a.example.com', E) + mark('a TXT "v=spf1 include:example.com -all"', 'include:example.com', E),
    },
  ],
});
