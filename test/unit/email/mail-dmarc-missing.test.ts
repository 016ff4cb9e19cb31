// Table test for mail-dmarc-missing: domains that handle mail with no DMARC policy of their own or inherited
// through the RFC 9989 tree walk, inside the workspace.

import { annotate, describeRuleTable, HEAD } from './table';

const W = 'warning: mail-dmarc-missing';

describeRuleTable('mail-dmarc-missing', {
  valid: [
    HEAD + '@ MX 10 mail\n@ TXT "v=spf1 mx -all"\n_dmarc TXT "v=DMARC1; p=reject"\nmail A 192.0.2.25\n',
    HEAD + '@ TXT "v=spf1 -all"\n',
    HEAD + '@ MX 0 .\n',
    HEAD + '_dmarc TXT "v=DMARC1; p=reject"\nnews MX 10 mail\nnews TXT "v=spf1 mx -all"\nmail A 192.0.2.25\n',
    HEAD + '@ TXT "v=spf1 mx -all"\n_dmarc CNAME example-com._dmarc.provider.example.\n',
    HEAD + '@ TXT "v=spf1 mx -all"\n_dmarc TXT "v=dmarc1; p=reject"\n',
  ],
  invalid: [
    HEAD + annotate('@ MX 10 mail', ['10 mail', W]) + '@ TXT "v=spf1 include:spf.example.com -all"\nspf TXT "v=spf1 ip4:192.0.2.0/24 -all"\nmail A 192.0.2.25\n',
    HEAD + annotate('@ TXT "v=spf1 ip4:192.0.2.1 -all"', ['"v=spf1 ip4:192.0.2.1 -all"', W]),
    HEAD + annotate('news MX 10 mail.example.net.', ['10 mail.example.net.', W]) + 'news TXT "v=spf1 mx -all"\n',
  ],
});

describeRuleTable('mail-dmarc-missing', {
  options: {
    path: '/work/zones/sub.example.com.zone',
    origin: 'sub.example.com.',
    files: { '/work/zones/example.com.zone': HEAD + '_dmarc TXT "v=DMARC1; p=reject"\n' },
  },
  valid: [HEAD + '@ MX 10 mail\n@ TXT "v=spf1 mx -all"\nmail A 192.0.2.25\n'],
  invalid: [],
});

describeRuleTable('mail-dmarc-missing', {
  options: { path: '/work/zones/sub.example.com.zone', origin: 'sub.example.com.', files: { '/work/zones/example.com.zone': HEAD } },
  valid: [],
  invalid: [HEAD + annotate('@ TXT "v=spf1 mx -all"', ['"v=spf1 mx -all"', W])],
});
