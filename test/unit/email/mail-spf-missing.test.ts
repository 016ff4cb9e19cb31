// Table test for mail-spf-missing: domains with MX, DMARC or DKIM records and no SPF record.

import { annotate, describeRuleTable, HEAD, RSA_1024 } from './table';

const W = 'warning: mail-spf-missing';

describeRuleTable('mail-spf-missing', {
  valid: [
    HEAD + '@ MX 10 mail\n@ TXT "v=spf1 mx -all"\nmail A 192.0.2.25\n',
    HEAD + '@ MX 0 .\n_dmarc TXT "v=DMARC1; p=reject"\n',
    HEAD + 'www CNAME host.example.net.\n',
    HEAD + 'www A 192.0.2.80\n',
  ],
  invalid: [
    HEAD + annotate('@ MX 10 mail', ['10 mail', W]) + 'mail A 192.0.2.25\n',
    HEAD + '@ TXT "v=spf1 -all"\n' + annotate('_dmarc.news TXT "v=DMARC1; p=none"', ['"v=DMARC1; p=none"', W]),
    HEAD + '@ TXT "v=spf1 -all"\n' + annotate(`sel._domainkey.news TXT "v=DKIM1; p=${RSA_1024.slice(0, 24)}"`, [`"v=DKIM1; p=${RSA_1024.slice(0, 24)}"`, W]),
  ],
});
