// Table test for dkim-key-invalid: p= octets that are not a key of the k= type.

import { annotate, describeRuleTable, ED25519, HEAD, RSA_1024 } from './table';

const E = 'error: dkim-key-invalid';
const ED25519_SPKI = 'MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';
const RSA_1024_PKCS1 = Buffer.from(RSA_1024, 'base64').subarray(22).toString('base64');
const DAMAGED = RSA_1024.slice(0, -4) + 'AQA=';

describeRuleTable('dkim-key-invalid', {
  valid: [
    HEAD + `sel._domainkey TXT "v=DKIM1; p=${RSA_1024}"\n`,
    HEAD + `sel._domainkey TXT "v=DKIM1; k=ed25519; p=${ED25519}"\n`,
    HEAD + `sel._domainkey TXT "v=DKIM1; k=future; p=${ED25519}"\n`,
    HEAD + 'sel._domainkey TXT "v=DKIM1; p="\n',
  ],
  invalid: [
    HEAD + annotate(`sel._domainkey TXT "v=DKIM1; p=${ED25519}"`, [ED25519, E]),
    HEAD + annotate('sel._domainkey TXT "v=DKIM1; k=ed25519; p=HbawiMnQXTCopHTkR0jlKQ=="', ['HbawiMnQXTCopHTkR0jlKQ==', E]),
    HEAD + annotate(`sel._domainkey TXT "v=DKIM1; k=ed25519; p=${ED25519_SPKI}"`, [ED25519_SPKI, E]),
    HEAD + annotate(`sel._domainkey TXT "v=DKIM1; k=rsa; p=${ED25519_SPKI}"`, [ED25519_SPKI, E]),
    HEAD + annotate(`sel._domainkey TXT "v=DKIM1; k=rsa; p=${DAMAGED}"`, [DAMAGED, E]),
    HEAD + annotate(`sel._domainkey TXT "v=DKIM1; p=${RSA_1024_PKCS1}"`, [RSA_1024_PKCS1, 'warning: dkim-key-invalid']),
  ],
});
