// Table test for dkim-revoked: an empty p=.

import { annotate, describeRuleTable, HEAD, RSA_1024 } from './table';

const I = 'information: dkim-revoked';

describeRuleTable('dkim-revoked', {
  valid: [HEAD + `sel._domainkey TXT "v=DKIM1; p=${RSA_1024}"\n`, HEAD + 'sel._domainkey TXT "v=DKIM1"\n'],
  invalid: [
    HEAD + annotate('sel._domainkey TXT "v=DKIM1; k=rsa; t=y:s; h=sha1:sha256; p="', ['p=', I]),
    HEAD + annotate('revoked._domainkey TXT "k=rsa; t=y; p= "', ['p=', I]),
  ],
});
