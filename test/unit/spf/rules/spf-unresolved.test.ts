// Table test for spf-unresolved: targets outside the workspace that nobody could look up.

import { marked } from '../../../harness';
import { describeRuleTable, mark } from '../helpers/ruleTable';

const I = 'information: spf-unresolved';

describeRuleTable('spf-unresolved', {
  valid: [
    '@ TXT "v=spf1 include:_spf.example.com -all"\n_spf TXT "v=spf1 a -all"\n',
    { name: 'DNS answered', zone: '@ TXT "v=spf1 include:spf.provider.example -all"\n', dns: { 'spf.provider.example': { txt: ['v=spf1 -all'] } } },
    { name: 'ip4 needs no lookup', zone: '@ TXT "v=spf1 ip4:192.0.2.1 -all"\n' },
  ],
  invalid: [
    {
      name: 'DNS off',
      zone: marked('@ TXT "v=spf1 include:_spf.google.com a:mail.example.net -all"', ['include:_spf.google.com', 'information', 'spf-unresolved'], ['a:mail.example.net', 'information', 'spf-unresolved']),
    },
    {
      name: 'a DNS failure deep in the chain',
      zone: mark('@ TXT "v=spf1 include:spf.provider.example -all"', 'include:spf.provider.example', I),
      dns: { 'spf.provider.example': { txt: ['v=spf1 include:broken.provider.example a:x.provider.example ~all'] }, 'broken.provider.example': { error: true } },
    },
  ],
});
