// Table test for dkim-unknown-key-type: k= values other than rsa and ed25519.

import { annotate, describeRuleTable, ED25519, HEAD, RSA_1024 } from './table';

const E = 'error: dkim-unknown-key-type';

describeRuleTable('dkim-unknown-key-type', {
  valid: [
    HEAD + `sel._domainkey TXT "v=DKIM1; k=rsa; p=${RSA_1024}"\n`,
    HEAD + `sel._domainkey TXT "v=DKIM1; k=RSA; p=${RSA_1024}"\n`,
    HEAD + `sel._domainkey TXT "v=DKIM1; k=ed25519; p=${ED25519}"\n`,
  ],
  invalid: [
    HEAD + annotate(`sel._domainkey TXT "v=DKIM1; k=xxx; p=${RSA_1024}"`, ['xxx', E]),
    HEAD + annotate(`sel._domainkey TXT "v=DKIM1; k=ed25519-sha256; p=${RSA_1024}"`, ['ed25519-sha256', E]),
    HEAD + annotate('sel._domainkey TXT "v=DKIM1; k=; p="', ['k=', E]),
  ],
});
