// Table test for spf-include-target: include and redirect targets without a usable SPF record.

import { describeRuleTable, mark } from '../helpers/ruleTable';

const E = 'error: spf-include-target';

describeRuleTable('spf-include-target', {
  valid: [
    '@ TXT "v=spf1 include:_spf.example.com -all"\n_spf TXT "v=spf1 a -all"\n',
    { name: 'in DNS', zone: '@ TXT "v=spf1 include:spf.provider.example -all"\n', dns: { 'spf.provider.example': { txt: ['v=spf1 ip4:192.0.2.0/24 ~all', 'other text'] } } },
    { name: 'unresolved is spf-unresolved', zone: '@ TXT "v=spf1 include:spf.provider.example -all"\n' },
    { name: 'a macro target is not looked up', zone: '@ TXT "v=spf1 include:%{d}.spf.example.net -all"\n' },
  ],
  invalid: [
    mark('@ TXT "v=spf1 include:_spf.example.com -all"', 'include:_spf.example.com', E),
    { name: 'a TXT record that is not SPF', zone: mark('@ TXT "v=spf1 redirect=_spf.example.com"', 'redirect=_spf.example.com', E) + '_spf TXT "v=spf2 -all"\n' },
    { name: 'a broken target', zone: mark('@ TXT "v=spf1 include:_spf.example.com -all"', 'include:_spf.example.com', E) + '_spf TXT "v=spf1 a:museum -all"\n' },
    { name: 'two records at the target', zone: mark('@ TXT "v=spf1 include:_spf.example.com -all"', 'include:_spf.example.com', E) + '_spf TXT "v=spf1 a -all"\n_spf TXT "v=spf1 mx -all"\n' },
    { name: 'a target missing from DNS', zone: mark('@ TXT "v=spf1 include:spf.provider.example -all"', 'include:spf.provider.example', E), dns: {} },
    {
      name: 'deeper in the chain',
      zone: mark('@ TXT "v=spf1 include:spf.provider.example -all"', 'include:spf.provider.example', E),
      dns: { 'spf.provider.example': { txt: ['v=spf1 include:gone.provider.example ~all'] } },
    },
  ],
});
