// Table test for mail-no-mail-incomplete: null MX or v=spf1 -all without the rest of the no-mail set.

import { annotate, describeRuleTable, HEAD } from './table';

const W = 'warning: mail-no-mail-incomplete';

describeRuleTable('mail-no-mail-incomplete', {
  valid: [
    HEAD + '@ MX 0 .\n@ TXT "v=spf1 -all"\n_dmarc TXT "v=DMARC1; p=reject"\n',
    HEAD + '@ MX 10 mail\n@ TXT "v=spf1 -all"\n_dmarc TXT "v=DMARC1; p=reject"\nmail A 192.0.2.25\n',
    HEAD + '_dmarc TXT "v=DMARC1; p=reject"\nparked MX 0 .\nparked TXT "v=spf1 -all"\n',
    HEAD + '@ MX 10 mail\n@ TXT "v=spf1 mx -all"\nmail A 192.0.2.25\n',
    HEAD + '@ TXT "v=spf1 mx -all"\n@ TXT "v=spf1 -all"\n@ MX 10 mail\nmail A 192.0.2.25\n',
  ],
  invalid: [
    HEAD + annotate('@ MX 0 .', ['0 .', W]),
    HEAD + annotate('@ TXT "v=spf1 -all"', ['"v=spf1 -all"', W]) + '_dmarc TXT "v=DMARC1; p=reject"\n',
    HEAD + annotate('@ MX 0 .', ['0 .', W]) + '@ TXT "v=spf1 -all"\n_dmarc TXT "v=DMARC1; p=quarantine"\n',
    HEAD + '_dmarc TXT "v=DMARC1; p=reject; sp=none"\n' + annotate('parked MX 0 .', ['0 .', W]) + 'parked TXT "v=spf1 -all"\n',
    HEAD + '@ MX 10 mail\n' + annotate('@ TXT "v=spf1 -all"', ['"v=spf1 -all"', W]) + 'mail A 192.0.2.25\n',
  ],
});
