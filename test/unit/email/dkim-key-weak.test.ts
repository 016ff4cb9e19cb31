// Table test for dkim-key-weak: RSA keys under 2048 bits (under 1024 an error), also behind a selector CNAME.

import { annotate, describeRuleTable, DKIM_2048_RDATA, ED25519, HEAD, RSA_1024, RSA_512 } from './table';

describeRuleTable('dkim-key-weak', {
  valid: [HEAD + `sel._domainkey TXT ${DKIM_2048_RDATA}\n`, HEAD + `sel._domainkey TXT "k=ed25519; p=${ED25519}"\n`],
  invalid: [
    HEAD + annotate(`sel._domainkey TXT "v=DKIM1; p=${RSA_1024}"`, [RSA_1024, 'warning: dkim-key-weak']),
    HEAD + annotate(`sel._domainkey TXT "v=DKIM1; k=rsa; p= ${RSA_512}"`, [RSA_512, 'error: dkim-key-weak']),
    HEAD + 's1._domainkey CNAME s1.keys.example.com.\n' + annotate(`s1.keys TXT "v=DKIM1; p=${RSA_512}"`, [RSA_512, 'error: dkim-key-weak']),
  ],
});
