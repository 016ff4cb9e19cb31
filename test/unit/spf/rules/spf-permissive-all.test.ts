// Table test for spf-permissive-all: `+all` and a bare `all` are errors, `?all` a warning.

import { describeRuleTable, mark } from '../helpers/ruleTable';

describeRuleTable('spf-permissive-all', {
  valid: ['@ TXT "v=spf1 mx -all"\n', '@ TXT "v=spf1 mx ~all"\n', '@ TXT "v=spf1 redirect=_spf.example.com"\n'],
  invalid: [
    mark('@ TXT "v=spf1 mx +all"', '+all', 'error: spf-permissive-all'),
    mark('@ TXT "v=spf1 mx all"', 'all', 'error: spf-permissive-all'),
    mark('@ TXT "v=spf1 mx ?ALL"', '?ALL', 'warning: spf-permissive-all'),
    { name: 'only the first all counts', zone: mark('@ TXT "v=spf1 ?all +all"', '?all', 'warning: spf-permissive-all') },
  ],
});
