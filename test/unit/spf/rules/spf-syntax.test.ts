// Table test for spf-syntax: grammar errors at the exact term or character, escapes and split strings included.

import { marked } from '../../../harness';
import { describeRuleTable, mark } from '../helpers/ruleTable';

const E = 'error: spf-syntax';

describeRuleTable('spf-syntax', {
  valid: [
    '@ TXT "v=spf1 ip4:192.0.2.0/24 include:_spf.example.net a:mail.example.com/24//64 -all"\n',
    '@ TXT "v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} redirect=_spf.example.com"\n',
    '@ TXT "some verification token"\n',
    '@ TXT "v=spf10 is another version"\n',
    { name: 'a term split over two strings', zone: '@ TXT "v=spf1 ip4:" "192.0.2.5 -all"\n' },
    // The glued term "include:a.example.comip4:192.0.2.25" is spf-string-join's finding, not a second one here.
    { name: 'two terms glued by a string boundary', zone: '@ TXT "v=spf1 include:a.example.com" "ip4:192.0.2.25 -all"\n' },
  ],
  invalid: [
    mark('@ TXT "v=spf1 ip4:192.0.2.300 -all"', '192.0.2.300', E),
    mark('@ TXT "v=spf1 a:mail.example.com/33 -all"', '/33', E),
    mark('@ TXT "v=spf1 mx moo -all"', 'moo', E),
    mark('@ TXT "v=spf1 include:example -all"', 'example', E),
    mark('@ TXT "v=spf1 redirect:_spf.example.com"', 'redirect:_spf.example.com', E),
    mark('@ TXT "v=spf1 -all exp=%{r}.example.com"', '%{r}', E),
    marked('@ TXT "v=spf1 a:museum ip4:1.2.3 -all"', ['museum', 'error', 'spf-syntax'], ['1.2.3', 'error', 'spf-syntax']),
    { name: 'an escaped non-ASCII octet', zone: mark('@ TXT "v=spf1 a:\\195\\169.example.com -all"', '\\195\\169', E) },
    { name: 'a control character', zone: mark('@ TXT "v=spf1 a:ctrl.example.com\\013ptr -all"', '\\013', E) },
    { name: 'an error in the second string', zone: mark('@ TXT "v=spf1 ip4:192.0.2" ".1/33 -all"', '/33', E) },
    { name: 'a version glued to a term', zone: mark('@ TXT "v=spf1-all"', 'v=spf1-all', E) },
    mark('@ TXT "v=spf1 redirect=a.example.com redirect=b.example.com"', 'redirect=b.example.com', E),
  ],
});
