// Table test for spf-string-join: strings are joined with nothing between them, so a split written as if a space
// were added glues two terms, and a space at a split cuts one.

import { marked } from '../../../harness';
import { describeRuleTable, mark } from '../helpers/ruleTable';

const E = 'error: spf-string-join';

describeRuleTable('spf-string-join', {
  valid: [
    '@ TXT "v=spf1 ip4:192.0.2.1 " "ip4:192.0.2.2 -all"\n',
    '@ TXT "v=spf1 ip4:192.0.2.1" " ip4:192.0.2.2 -all"\n',
    { name: 'a term split on purpose (RFC 7208 suite null-text)', zone: '@ TXT "v=spf1 ip4:" "192.0.2.5 -all"\n' },
    '@ TXT "v=spf1 include:_spf.goo" "gle.com -all"\n',
    '@ TXT "v=spf1 " "mx -all"\n',
    { name: 'not an SPF record', zone: '@ TXT "key1=value1" "key2=value2"\n' },
  ],
  invalid: [
    mark('@ TXT "v=spf1 include:a.example.com" "ip4:192.0.2.1 -all"', 'include:a.example.com" "ip4:192.0.2.1', E),
    { name: 'the version glued to the first term', zone: mark('@ TXT "v=spf1" "mx -all"', 'v=spf1" "mx', E) },
    { name: 'unquoted words', zone: marked('@ TXT v=spf1 mx -all', ['v=spf1 mx', 'error', 'spf-string-join'], ['mx -all', 'error', 'spf-string-join']) },
    { name: 'a space at the split cuts a domain', zone: mark('@ TXT "v=spf1 include:spf.protection. " "outlook.com -all"', 'include:spf.protection. " "outlook.com', E) },
    {
      name: 'a term between two splits',
      zone: marked('@ TXT ( "v=spf1 ip4:192.0.2.1" "ip4:192.0.2.2" "-all" )', ['ip4:192.0.2.1" "ip4:192.0.2.2', 'error', 'spf-string-join'], ['ip4:192.0.2.2" "-all', 'error', 'spf-string-join']),
    },
  ],
});
